package dev.waypoint.core.hrsync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One sync run of one tenant and its report: counts, the people left out for want of an HR employee id
 * (capped at {@link #LISTED}) and the first errors (capped at {@link #LISTED}).
 */
public record HrSyncRun(String id, String tenantId, SyncMode mode, String trigger, RunStatus status,
                        String taxonomyVersion, Instant startedAt, Instant finishedAt, Counts counts,
                        int withoutHrIdCount, List<String> withoutHrId, List<String> errors) {

    public static final int LISTED = 50;

    public HrSyncRun {
        withoutHrId = List.copyOf(withoutHrId);
        errors = List.copyOf(errors);
    }

    /** Counts of the report; batches are the planned total, those all outputs took, those refused. */
    public record Counts(int peopleSeen, int peopleSent, int skillsUpserted, int skillsRemoved,
                         int batchesTotal, int batchesSent, int batchesFailed) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);
    }

    public Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    public HrSyncRun with(RunStatus newStatus) {
        return new HrSyncRun(id, tenantId, mode, trigger, newStatus, taxonomyVersion, startedAt, finishedAt, counts,
                withoutHrIdCount, withoutHrId, errors);
    }

    public HrSyncRun finishedAt(Instant at) {
        return new HrSyncRun(id, tenantId, mode, trigger, status, taxonomyVersion, startedAt, at, counts,
                withoutHrIdCount, withoutHrId, errors);
    }

    public HrSyncRun with(Counts newCounts) {
        return new HrSyncRun(id, tenantId, mode, trigger, status, taxonomyVersion, startedAt, finishedAt, newCounts,
                withoutHrIdCount, withoutHrId, errors);
    }

    public HrSyncRun withoutHrId(int count, List<String> listed) {
        return new HrSyncRun(id, tenantId, mode, trigger, status, taxonomyVersion, startedAt, finishedAt, counts,
                count, listed, errors);
    }

    public HrSyncRun withError(String error) {
        if (errors.size() >= LISTED) {
            return this;
        }
        List<String> more = new java.util.ArrayList<>(errors);
        more.add(error);
        return new HrSyncRun(id, tenantId, mode, trigger, status, taxonomyVersion, startedAt, finishedAt, counts,
                withoutHrIdCount, withoutHrId, more);
    }
}
