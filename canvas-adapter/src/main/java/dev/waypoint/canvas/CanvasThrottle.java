package dev.waypoint.canvas;

import java.time.Duration;

/**
 * Keeps one token's calls inside Canvas's leaky bucket (Canvas REST API "Throttling"): every answer
 * reports the bucket left in {@code X-Rate-Limit-Remaining} and what the call cost in
 * {@code X-Request-Cost}. The next call waits until the bucket, drained at Canvas's leak rate, holds the
 * low-water mark plus what a call costs (a running average of the costs seen), so the call that goes
 * leaves the bucket at or above the mark instead of running it dry and collecting 403 "Rate Limit
 * Exceeded". Canvas's costs vary with the work a call does, hence the average rather than a constant.
 */
final class CanvasThrottle {

    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final double slowDownBelow;
    private final double leakPerSecond;
    private double remaining = Double.NaN;
    /** Running average of {@code X-Request-Cost}; 0 until Canvas reports one. */
    private double expectedCost;
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
        double needed = slowDownBelow + expectedCost;
        if (Double.isNaN(remaining) || remaining >= needed) {
            return 0;
        }
        double elapsed = (System.nanoTime() - observedAtNanos) / 1e9;
        double now = remaining + elapsed * leakPerSecond;
        if (now >= needed) {
            return 0;
        }
        long nanos = (long) ((needed - now) / leakPerSecond * 1e9);
        return Math.min(nanos, LONGEST_PAUSE.toNanos());
    }

    /** Records what an answer said about the bucket and its cost; a missing or garbled header changes nothing. */
    synchronized void observe(String remainingHeader, String costHeader) {
        double left = number(remainingHeader);
        if (!Double.isNaN(left)) {
            remaining = left;
            observedAtNanos = System.nanoTime();
        }
        double cost = number(costHeader);
        if (!Double.isNaN(cost) && cost >= 0) {
            // a slow-moving average: one expensive call should not stall the next ten cheap ones
            expectedCost = expectedCost == 0 ? cost : 0.8 * expectedCost + 0.2 * cost;
        }
    }

    synchronized double expectedCost() {
        return expectedCost;
    }

    private static double number(String header) {
        if (header == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(header.trim());
        } catch (NumberFormatException e) {
            // a garbled header must not stop the sync; the next answer will carry a good one
            return Double.NaN;
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
