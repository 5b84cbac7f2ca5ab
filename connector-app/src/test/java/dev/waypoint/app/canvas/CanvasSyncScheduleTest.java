package dev.waypoint.app.canvas;

import dev.waypoint.app.support.ServerTest;
import dev.waypoint.core.store.TenantRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each tenant's own schedule, judged against the last scheduled run any node recorded. */
@ServerTest
class CanvasSyncScheduleTest extends CanvasServer {

    @Autowired
    CanvasTenants tenants;
    @Autowired
    CanvasSyncJob job;
    @Autowired
    JdbcCanvasSyncRuns runs;
    @Autowired
    JdbcCanvasTenantConfigs configs;
    @Autowired
    TenantRepository tenantRepository;

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(String at) {
            now = Instant.parse(at);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private void nightly(String tenant, String cron) {
        tenantRepository.ensure(tenant, tenant);
        configs.save(tenant, CanvasSettings.Tenant.withDefaults(CANVAS.baseUrl(), "t", null, null, null, 1, null, null,
                null, false, List.of("210"), cron), Instant.parse("2026-06-01T00:00:00Z"));
    }

    @Test
    void aTenantsOwnScheduleIsDueOnceAfterEachOfItsTimes() {
        nightly("night-owl", "0 0 2 * * *");
        MovingClock clock = new MovingClock("2026-06-01T01:59:00Z");
        CanvasSyncSchedule schedule = new CanvasSyncSchedule(tenants, job, runs, clock);

        assertThat(schedule.due("night-owl")).as("before 02:00").isFalse();
        clock.now = Instant.parse("2026-06-01T02:00:30Z");
        assertThat(schedule.due("night-owl")).isTrue();

        runs.started("night-owl", "scheduled", clock.now);
        clock.now = Instant.parse("2026-06-01T02:01:30Z");
        assertThat(schedule.due("night-owl")).as("ran at 02:00:30, on this node or another").isFalse();
        clock.now = Instant.parse("2026-06-02T02:00:05Z");
        assertThat(schedule.due("night-owl")).as("the next night").isTrue();
    }

    @Test
    void aTenantWithoutAScheduleIsNeverDue() {
        nightly("on-demand-only", "-");
        CanvasSyncSchedule schedule = new CanvasSyncSchedule(tenants, job, runs, new MovingClock("2030-01-01T00:00:00Z"));

        assertThat(schedule.due("on-demand-only")).isFalse();
        assertThat(schedule.due("default")).as("sync-cron is \"-\" in the tests").isFalse();
    }
}
