package dev.waypoint.app.canvas;

import java.time.Instant;
import java.util.List;

/**
 * One Canvas sync as the admin console shows it: how it was started, how it ended and what it found.
 *
 * @param status {@code running}, {@code succeeded}, {@code partial} (some courses could not be read) or
 *               {@code failed} (the run stopped; {@code errors} says why)
 */
public record CanvasSyncRun(String id, String tenantId, String trigger, String status, Instant startedAt,
                            Instant finishedAt, int courses, int students, int stored, int alreadyKnown,
                            int notMapped, int deadLettered, long calls, long rateLimitRefusals, List<String> errors) {

    public CanvasSyncRun {
        errors = List.copyOf(errors);
    }
}
