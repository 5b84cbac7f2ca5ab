package dev.waypoint.canvas;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each course's "graded since" watermark is kept between syncs: the start of the last pass that
 * read the course's graded submissions completely. The next pass asks Canvas for submissions graded
 * since that start minus {@link #OVERLAP}, so a grade saved while the previous pass was running, or
 * stamped by a Canvas clock slightly behind ours, is read again rather than missed; evidence being
 * idempotent, reading it twice costs a call, not a double count.
 */
public interface CanvasWatermarks {

    /** How far before the last pass's start the next one reads again. */
    Duration OVERLAP = Duration.ofMinutes(5);

    /** When the last complete pass over this course's graded submissions started; empty: never. */
    Optional<Instant> lastPassStarted(String tenantId, String courseId);

    /** The pass over this course that started at {@code started} read every graded submission. */
    void passSucceeded(String tenantId, String courseId, Instant started);

    /** The {@code graded_since} to ask for: null reads everything. */
    default Instant gradedSince(String tenantId, String courseId) {
        return lastPassStarted(tenantId, courseId).map(started -> started.minus(OVERLAP)).orElse(null);
    }

    /** Watermarks kept in this process only (tests and load harnesses). */
    static CanvasWatermarks inMemory() {
        Map<String, Instant> started = new ConcurrentHashMap<>();
        return new CanvasWatermarks() {
            @Override
            public Optional<Instant> lastPassStarted(String tenantId, String courseId) {
                return Optional.ofNullable(started.get(tenantId + "/" + courseId));
            }

            @Override
            public void passSucceeded(String tenantId, String courseId, Instant at) {
                started.put(tenantId + "/" + courseId, at);
            }
        };
    }
}
