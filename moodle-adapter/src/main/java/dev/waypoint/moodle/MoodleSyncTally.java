package dev.waypoint.moodle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The counts, errors and warnings of one sync, added to by the workers of every person at once. At most
 * {@value #MAX_KEPT} messages of each are kept (the count of the rest is), and the first site-wide error stops the sync.
 */
final class MoodleSyncTally {

    static final int MAX_KEPT = 100;

    final AtomicInteger unchanged = new AtomicInteger();
    final AtomicInteger stored = new AtomicInteger();
    final AtomicInteger duplicates = new AtomicInteger();
    final AtomicInteger deadLettered = new AtomicInteger();
    final AtomicInteger unmapped = new AtomicInteger();
    private final List<String> errors = new ArrayList<>();
    private int errorCount;
    private volatile boolean stopped;

    synchronized void stop(String message) {
        if (!stopped) {
            stopped = true;
            error(message + " (sync stopped: every call would fail alike)");
        }
    }

    boolean stopped() {
        return stopped;
    }

    synchronized void error(String message) {
        errorCount++;
        if (errors.size() < MAX_KEPT) {
            errors.add(message);
        }
    }

    private final List<String> warnings = new ArrayList<>();

    synchronized void warning(String message) {
        if (warnings.size() < MAX_KEPT) {
            warnings.add(message);
        }
    }

    synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    synchronized List<String> errors() {
        List<String> out = new ArrayList<>(errors);
        if (errorCount > errors.size()) {
            out.add("... and " + (errorCount - errors.size()) + " more errors");
        }
        return out;
    }
}
