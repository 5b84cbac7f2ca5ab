/**
 * The adapter for Moodle web services (REST) and the Moodle specifics of LTI. Like every adapter it is made of five parts:
 * a Client (HTTP calls, auth, paging, rate limits, error mapping), a Mapper (their payloads to
 * {@code dev.waypoint.core.evidence.LearningSignal} and back), an EvidenceSource, a WriteBack and a
 * Properties class. It depends on connector-core only.
 */
package dev.waypoint.moodle;
