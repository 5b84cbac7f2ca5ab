package dev.waypoint.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The write-back outbox: a row per pending write to an LMS, kept until the LMS accepts it. Rows are
 * keyed by (tenant, target, write key) so that a newer value for the same place replaces a pending
 * older one, and a value equal to the last one delivered is not queued at all.
 */
public interface OutboxRepository {

    /**
     * Queues a write. Answers false, writing nothing, when the same value was already delivered
     * or is already pending for this key.
     */
    boolean enqueue(String tenantId, String target, String writeKey, String payload, String payloadHash, Instant now);

    /** Claims up to {@code limit} due rows for {@code leaseFor}; a crashed claimer's rows come back after it. */
    List<OutboxEntry> claimDue(Instant now, int limit, java.time.Duration leaseFor);

    void markDelivered(long id, Instant at);

    /** Records a failed attempt; the row stays pending until {@code nextAttemptAt}, or is parked if {@code giveUp}. */
    void markFailed(long id, String error, Instant nextAttemptAt, boolean giveUp);

    /**
     * Puts a parked row back in line, due at {@code now} with a fresh attempt count (an admin fixed the
     * cause). Answers false, changing nothing, when the row is not parked.
     */
    boolean requeue(long id, Instant now);

    Optional<OutboxEntry> find(long id);

    List<OutboxEntry> list(String status, int offset, int limit);

    /** {@code status}: "pending", "delivered", "parked". */
    record OutboxEntry(long id, String tenantId, String target, String writeKey, String payload,
                       String payloadHash, String status, int attempts, Instant nextAttemptAt,
                       String lastError, Instant createdAt, Instant updatedAt) {
    }
}
