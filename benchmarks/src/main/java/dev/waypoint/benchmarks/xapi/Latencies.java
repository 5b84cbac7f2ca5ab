package dev.waypoint.benchmarks.xapi;

import java.util.Arrays;

/** Request latencies of one load phase, and the throughput they came to. */
record Latencies(long[] nanos, long statements, long elapsedNanos, long failures) {

    double statementsPerSecond() {
        return statements / (elapsedNanos / 1e9);
    }

    double requestsPerSecond() {
        return nanos.length / (elapsedNanos / 1e9);
    }

    double percentileMillis(double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
