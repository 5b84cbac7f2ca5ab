package dev.waypoint.canvas;

import java.time.Duration;
import java.util.List;

/**
 * What one sync found: courses read, students seen, signals stored or already known, facts about
 * objects the taxonomy does not map (counted, not sent), dead letters, calls made and failures.
 */
public record CanvasSyncReport(String tenantId, int courses, int students, int stored, int alreadyKnown,
                               int notMapped, int deadLettered, long calls, long rateLimitRefusals,
                               Duration wallTime, List<String> failures) {

    public CanvasSyncReport {
        failures = List.copyOf(failures);
    }
}
