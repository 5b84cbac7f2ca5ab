package dev.waypoint.core.ingest;

import dev.waypoint.core.store.DeadLetterRepository.DeadLetter;

/**
 * Replays dead letters whose payload only their source can read (a raw xAPI statement, say), so the
 * replay endpoint needs no knowledge of any source: it hands each letter to the replay registered for
 * the letter's payload type. A source keeps its own payload rather than a {@code LearningSignal} when
 * replaying should apply the source's mapping as it is at replay time, not as it was at failure time.
 */
public interface DeadLetterReplay {

    /** The {@code payload_type} of the letters this replay reads. */
    String payloadType();

    /**
     * Processes the letter again, putting what it means on {@code strict}, which throws instead of
     * keeping a new dead letter. Throws when the letter still cannot be processed; the letter then
     * stays open with that error. Replaying a letter twice must not count its evidence twice.
     */
    void replay(DeadLetter letter, EvidenceSink strict);
}
