package dev.waypoint.core.hrsync;

/**
 * Where a run stands. PLANNING, DELIVERING and INTERRUPTED are unfinished: the next start of the sync for
 * the tenant resumes that run before planning a new one. SUCCEEDED and PARTIAL (some batches refused by
 * a receiver, listed in the report) are final.
 */
public enum RunStatus {
    PLANNING, DELIVERING, INTERRUPTED, SUCCEEDED, PARTIAL;

    public boolean finished() {
        return this == SUCCEEDED || this == PARTIAL;
    }
}
