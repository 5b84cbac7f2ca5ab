package dev.waypoint.canvas;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** How long the next call waits, from the bucket Canvas reports left and what calls cost. */
class CanvasThrottleTest {

    private final CanvasThrottle throttle = new CanvasThrottle(150, 10);

    @Test
    void aFullEnoughBucketLetsTheCallGoAtOnce() {
        throttle.observe("600.0", "5");

        assertThat(throttle.pauseNanos()).isZero();
    }

    @Test
    void belowTheMarkTheCallWaitsForTheBucketToRefillToTheMarkPlusWhatACallCosts() {
        throttle.observe("100.0", "30");

        // (150 + 30 − 100) / 10 a second = 8 s, less the microseconds since the answer
        assertThat(throttle.pauseNanos() / 1e9).isCloseTo(8.0, within(0.05));
    }

    @Test
    void theCostIsARunningAverageSoOneExpensiveCallDoesNotStallTheRest() {
        throttle.observe("600", "10");
        throttle.observe("600", "60");

        assertThat(throttle.expectedCost()).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void garbledOrMissingHeadersChangeNothing() {
        throttle.observe("100", "20");
        throttle.observe("lots", null);
        throttle.observe(null, "free");

        assertThat(throttle.expectedCost()).isEqualTo(20.0);
        assertThat(throttle.pauseNanos() / 1e9).isCloseTo(7.0, within(0.05));
    }
}
