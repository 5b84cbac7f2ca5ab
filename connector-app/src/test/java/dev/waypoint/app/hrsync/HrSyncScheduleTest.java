package dev.waypoint.app.hrsync;

import dev.waypoint.core.hrsync.SyncMode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.support.SimpleTriggerContext;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the nightly sync fires and what it sends: the cron and time zone come from configuration, and
 * the configured day (in that zone) sends a full snapshot, every other day the differences.
 */
class HrSyncScheduleTest {

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {
        @Bean
        HrSyncSchedule schedule() {
            return new HrSyncSchedule(job(properties("UTC", DayOfWeek.SUNDAY), Clock.systemUTC()));
        }
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Scheduling.class);

    private static HrSyncProperties properties(String zone, DayOfWeek fullDay) {
        return new HrSyncProperties("0 0 2 * * *", zone, fullDay, 500, Duration.ofSeconds(10), Duration.ofSeconds(60),
                Map.of());
    }

    private static HrSyncJob job(HrSyncProperties properties, Clock clock) {
        return new HrSyncJob(null, null, properties, null, null, clock, null);
    }

    private static List<CronTask> cronTasks(ScheduledTaskHolder holder) {
        return holder.getScheduledTasks().stream().map(ScheduledTask::getTask)
                .filter(CronTask.class::isInstance).map(CronTask.class::cast).toList();
    }

    @Test
    void firesAtTheConfiguredTimeInTheConfiguredZone() {
        context.withPropertyValues("waypoint.hr-sync.cron=0 30 3 * * *", "waypoint.hr-sync.zone=Europe/Berlin")
                .run(ctx -> {
                    List<CronTask> tasks = cronTasks(ctx.getBean(ScheduledTaskHolder.class));
                    assertThat(tasks).hasSize(1);
                    assertThat(tasks.get(0).getExpression()).isEqualTo("0 30 3 * * *");
                    // 03:30 in Berlin in June (CEST, UTC+2) is 01:30 UTC
                    Clock midnightUtc = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
                    assertThat(tasks.get(0).getTrigger().nextExecution(new SimpleTriggerContext(midnightUtc)))
                            .isEqualTo(Instant.parse("2026-06-01T01:30:00Z"));
                });
    }

    @Test
    void defaultsToTwoInTheMorningUtc() {
        context.run(ctx -> {
            List<CronTask> tasks = cronTasks(ctx.getBean(ScheduledTaskHolder.class));
            Clock midnightUtc = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
            assertThat(tasks.get(0).getTrigger().nextExecution(new SimpleTriggerContext(midnightUtc)))
                    .isEqualTo(Instant.parse("2026-06-01T02:00:00Z"));
        });
    }

    @Test
    void aDashTurnsTheScheduleOff() {
        context.withPropertyValues("waypoint.hr-sync.cron=-")
                .run(ctx -> assertThat(cronTasks(ctx.getBean(ScheduledTaskHolder.class))).isEmpty());
    }

    @Test
    void theConfiguredDaySendsAFullSnapshotCountedInTheConfiguredZone() {
        HrSyncProperties sundayInAuckland = properties("Pacific/Auckland", DayOfWeek.SUNDAY);
        // Saturday 30 May 2026 14:00 UTC is Sunday 31 May 02:00 in Auckland
        Clock saturdayUtcSundayThere = Clock.fixed(Instant.parse("2026-05-30T14:00:00Z"), ZoneOffset.UTC);
        Clock mondayThere = Clock.fixed(Instant.parse("2026-05-31T14:00:00Z"), ZoneOffset.UTC);

        assertThat(job(sundayInAuckland, saturdayUtcSundayThere).scheduledMode()).isEqualTo(SyncMode.FULL);
        assertThat(job(sundayInAuckland, mondayThere).scheduledMode()).isEqualTo(SyncMode.INCREMENTAL);
        assertThat(job(properties("UTC", DayOfWeek.SUNDAY), saturdayUtcSundayThere).scheduledMode())
                .isEqualTo(SyncMode.INCREMENTAL);
    }
}
