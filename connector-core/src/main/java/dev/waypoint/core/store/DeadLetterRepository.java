package dev.waypoint.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Messages the evidence pipeline could not process, kept whole so an admin can read why and replay them
 * once the cause is fixed (a missing taxonomy mapping, a bad payload from a source).
 */
public interface DeadLetterRepository {

    long record(String tenantId, String source, String payloadType, String payload, String error);

    Optional<DeadLetter> find(long id);

    List<DeadLetter> list(String status, int offset, int limit);

    /** Marks a letter replayed (success) or records the error of a failed replay. */
    void markReplayed(long id, Instant at);

    void markReplayFailed(long id, String error, Instant at);

    /** {@code status}: "open", "replayed". */
    record DeadLetter(long id, String tenantId, String source, String payloadType, String payload,
                      String error, String status, int replayAttempts, Instant createdAt, Instant updatedAt) {
    }
}
