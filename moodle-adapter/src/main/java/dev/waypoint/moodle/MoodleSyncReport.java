package dev.waypoint.moodle;

import java.time.Instant;
import java.util.List;

/**
 * What one sync of one site did: people seen and unchanged, signals stored, already stored or dead-lettered,
 * Moodle objects skipped because the taxonomy does not map them, HTTP calls made, and every error with
 * the function that failed and what to do about it.
 */
public record MoodleSyncReport(String tenantId, Instant startedAt, Instant finishedAt, int people, int unchanged,
                               int stored, int duplicates, int deadLettered, int skippedUnmapped, long httpCalls,
                               List<String> errors) {

    public MoodleSyncReport {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
