package dev.waypoint.moodle;

import java.time.Instant;
import java.util.List;

/**
 * What one sync of one site did: people seen and unchanged, signals stored, already stored or dead-lettered,
 * Moodle objects skipped because the taxonomy does not map them, HTTP calls made, every error with
 * the function that failed and what to do about it, and the {@code warnings[]} Moodle attached to answers.
 */
public record MoodleSyncReport(String tenantId, Instant startedAt, Instant finishedAt, int people, int unchanged,
                               int stored, int duplicates, int deadLettered, int skippedUnmapped, long httpCalls,
                               List<String> errors, List<String> warnings) {

    public MoodleSyncReport {
        errors = List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
