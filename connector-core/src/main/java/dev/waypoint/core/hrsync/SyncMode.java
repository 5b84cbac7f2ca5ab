package dev.waypoint.core.hrsync;

/**
 * INCREMENTAL sends only what changed since HR last received it; FULL re-sends every verified skill
 * (and removes every skill HR holds that is no longer verified), so HR can rebuild from one run.
 */
public enum SyncMode {
    INCREMENTAL, FULL;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
