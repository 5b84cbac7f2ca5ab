package dev.waypoint.core.writeback;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(10), 5);

    @Test
    void waitDoublesAfterEachFailureUpToTheMaximum() {
        assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.delayAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(schedule.delayAfter(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(schedule.delayAfter(500)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void givesUpOnlyAfterTheLastAttempt() {
        assertThat(schedule.exhausted(4)).isFalse();
        assertThat(schedule.exhausted(5)).isTrue();
    }
}
