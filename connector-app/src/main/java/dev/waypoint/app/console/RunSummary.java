package dev.waypoint.app.console;

import dev.waypoint.core.hrsync.HrSyncRun;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** One HR sync run as the console shows it: the stored report plus its duration in words an admin reads. */
public record RunSummary(String id, String tenantId, String mode, String trigger, String status, String taxonomyVersion,
                         Instant startedAt, Instant finishedAt, String duration, HrSyncRun.Counts counts,
                         int withoutHrIdCount, List<String> withoutHrId, List<String> errors) {

    static RunSummary of(HrSyncRun run) {
        return new RunSummary(run.id(), run.tenantId(), run.mode().wireName(), run.trigger(),
                run.status().name().toLowerCase(Locale.ROOT), run.taxonomyVersion(), run.startedAt(), run.finishedAt(),
                words(run.duration()), run.counts(), run.withoutHrIdCount(), run.withoutHrId(), run.errors());
    }

    public String firstError() {
        return errors.isEmpty() ? "" : errors.get(0);
    }

    static String words(Duration duration) {
        if (duration == null) {
            return "still running";
        }
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
    }
}
