/**
 * The adapter for the xAPI statement receiver and the LRS poller. Like every adapter it is made of five parts:
 * a Client (HTTP calls, auth, paging, rate limits, error mapping), a Mapper (their payloads to
 * {@code dev.waypoint.core.evidence.LearningSignal} and back), an EvidenceSource, a WriteBack and a
 * Properties class. It depends on connector-core only.
 */
package dev.waypoint.xapi;
