package dev.waypoint.core.hrsync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** Logs a long step's progress at most once per interval: done/total, rate per second and time left. */
final class ProgressLog {

    private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);

    private final String what;
    private final String unit;
    private final long total;
    private final long everyNanos;
    private final LongSupplier nanoTime;
    private final Consumer<String> out;
    private final long started;
    private long lastLogged;
    private long done;

    ProgressLog(String what, String unit, long total, Duration every) {
        this(what, unit, total, every, System::nanoTime, log::info);
    }

    /** With the time source and the log line's destination given, so that the lines can be checked. */
    ProgressLog(String what, String unit, long total, Duration every, LongSupplier nanoTime, Consumer<String> out) {
        this.what = what;
        this.unit = unit;
        this.total = total;
        this.everyNanos = every.toNanos();
        this.nanoTime = nanoTime;
        this.out = out;
        this.started = nanoTime.getAsLong();
        this.lastLogged = started;
    }

    void advance(long count) {
        done += count;
        long now = nanoTime.getAsLong();
        if (now - lastLogged >= everyNanos) {
            lastLogged = now;
            out.accept(line(now));
        }
    }

    private String line(long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = done / seconds;
        String eta = rate > 0 && total > done ? Math.round((total - done) / rate) + " s" : "-";
        return String.format("%s: %d/%d %s, %.0f/s, ETA %s", what, done, total, unit, rate, eta);
    }
}
