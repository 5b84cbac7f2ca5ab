package dev.waypoint.canvas;

import java.time.Duration;

/**
 * Keeps one token's calls inside Canvas's leaky bucket (Canvas REST API "Throttling"): every answer
 * reports the bucket left in {@code X-Rate-Limit-Remaining}; when it falls below the low-water mark,
 * the next call waits for the bucket to drain back to it at Canvas's leak rate, instead of running
 * it dry and collecting 403 "Rate Limit Exceeded".
 */
final class CanvasThrottle {

    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final double slowDownBelow;
    private final double leakPerSecond;
    private double remaining = Double.NaN;
    private long observedAtNanos;
    private long pausedNanos;

    CanvasThrottle(double slowDownBelow, double leakPerSecond) {
        this.slowDownBelow = slowDownBelow;
        this.leakPerSecond = leakPerSecond;
    }

    /** Waits as long as the bucket needs before the next call may go. */
    void awaitTurn() throws InterruptedException {
        long wait = pauseNanos();
        if (wait > 0) {
            synchronized (this) {
                pausedNanos += wait;
            }
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    synchronized long pauseNanos() {
        if (Double.isNaN(remaining) || remaining >= slowDownBelow) {
            return 0;
        }
        double elapsed = (System.nanoTime() - observedAtNanos) / 1e9;
        double now = remaining + elapsed * leakPerSecond;
        if (now >= slowDownBelow) {
            return 0;
        }
        long nanos = (long) ((slowDownBelow - now) / leakPerSecond * 1e9);
        return Math.min(nanos, LONGEST_PAUSE.toNanos());
    }

    /** Records what an answer said about the bucket; answers without the header change nothing. */
    synchronized void observe(String remainingHeader) {
        if (remainingHeader == null) {
            return;
        }
        try {
            remaining = Double.parseDouble(remainingHeader.trim());
            observedAtNanos = System.nanoTime();
        } catch (NumberFormatException ignored) {
            // a garbled header must not stop the sync; the next answer will carry a good one
        }
    }

    /** A rate-limit refusal: the bucket is empty whatever the last header said. */
    synchronized void observeEmpty() {
        remaining = 0;
        observedAtNanos = System.nanoTime();
    }

    synchronized Duration totalPaused() {
        return Duration.ofNanos(pausedNanos);
    }
}
