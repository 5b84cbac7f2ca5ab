package dev.waypoint.core.writeback;

import java.time.Duration;

/**
 * When to try a failed write again: exponential backoff from {@code first}, doubling up to {@code max};
 * after {@code maxAttempts} the row is parked (kept, shown to admins, never deleted).
 */
public record RetrySchedule(Duration first, Duration max, int maxAttempts) {

    public static RetrySchedule defaults() {
        return new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(6), 20);
    }

    /** The wait after the given number of failed attempts (1 for the first failure). */
    public Duration delayAfter(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        long millis = first.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}
