package dev.waypoint.xapi.store;

import java.time.Instant;

/**
 * One statement as stored in {@code xapi_statement}: the raw JSON as received (after any logstore repair),
 * with what the receiver decided about it.
 *
 * @param actorKey the actor's identifier in one string (see XapiMapper), to find an actor's earlier statements
 * @param needsMapping false for a statement whose verb means no evidence: it is stored as mapped, and never handed on
 * @param voids the id of the statement this one voids, for a voiding statement; else null
 */
public record StatementRow(String tenantId, String statementId, String contentHash, String actorKey, String verbId, String objectId,
                           String voids, String rawJson, String warnings, String authority, String receivedVersion,
                           Instant storedAt, boolean needsMapping) {
}
