package dev.waypoint.core.hrsync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A long run says how far it is, how fast it goes and when it should end, without flooding the log. */
class ProgressLogTest {

    private long now = 1_000_000_000L;
    private final List<String> lines = new ArrayList<>();

    private ProgressLog progress(long total) {
        return new ProgressLog("hr-sync run r1 planning", "people", total, Duration.ofSeconds(10), () -> now, lines::add);
    }

    private void after(Duration elapsed) {
        now += elapsed.toNanos();
    }

    @Test
    void logsDoneOfTotalRateAndTimeLeftUntilDone() {
        ProgressLog log = progress(100_000);

        after(Duration.ofSeconds(10));
        log.advance(20_000);

        assertThat(lines).containsExactly("hr-sync run r1 planning: 20000/100000 people, 2000/s, ETA 40 s");

        after(Duration.ofSeconds(40));
        log.advance(80_000);
        assertThat(lines).last().isEqualTo("hr-sync run r1 planning: 100000/100000 people, 2000/s, ETA -");
    }

    @Test
    void logsAtMostOncePerInterval() {
        ProgressLog log = progress(1_000);

        for (int i = 0; i < 25; i++) {
            after(Duration.ofSeconds(1));
            log.advance(10);
        }

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("hr-sync run r1 planning: 200/1000 people, 10/s, ETA 80 s");
    }
}
