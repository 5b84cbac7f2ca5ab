package dev.waypoint.app.canvas;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scheduled sync of every tenant's Canvas, each on its own schedule (the tenant's {@code syncCron},
 * else {@code waypoint.canvas.sync-cron}; "-": none). Schedules are checked every minute against the
 * last scheduled run recorded by any node, so the cluster runs each due sync once; the check is
 * repeated under the tenant's lock.
 */
@Component
public class CanvasSyncSchedule {

    private static final Logger log = LoggerFactory.getLogger(CanvasSyncSchedule.class);

    private final CanvasTenants tenants;
    private final CanvasSyncJob job;
    private final JdbcCanvasSyncRuns runs;
    private final Clock clock;
    /** Where a schedule without any recorded run counts from: when this node first saw it. */
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();

    public CanvasSyncSchedule(CanvasTenants tenants, CanvasSyncJob job, JdbcCanvasSyncRuns runs, Clock clock) {
        this.tenants = tenants;
        this.job = job;
        this.runs = runs;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${waypoint.canvas.schedule-check-every:PT1M}", initialDelayString = "PT30S")
    public void syncDue() {
        for (String tenant : tenants.tenantIds()) {
            try {
                if (due(tenant)) {
                    CanvasSyncJob.Outcome outcome = job.run(tenant, "scheduled", () -> due(tenant));
                    if (outcome.report() != null) {
                        log.info("Canvas sync of tenant {}: {} stored, {} not mapped, {} calls, failures {}", tenant,
                                outcome.report().stored(), outcome.report().notMapped(), outcome.report().calls(),
                                outcome.report().failures());
                    }
                }
            } catch (RuntimeException e) {
                // one tenant's Canvas being down must not keep the others from syncing
                log.warn("Canvas sync of tenant {} failed: {}", tenant, e.getMessage());
            }
        }
    }

    /** Whether the tenant's schedule has a run due since its last scheduled run. */
    boolean due(String tenant) {
        String cron = tenants.configuration(tenant).map(c -> tenants.syncCron(c.tenant())).orElse("-");
        if (cron.equals("-") || !CronExpression.isValidExpression(cron)) {
            return false;
        }
        Instant now = clock.instant();
        Instant since = runs.lastScheduledStart(tenant).orElseGet(() -> firstSeen.computeIfAbsent(tenant, t -> now));
        var next = CronExpression.parse(cron).next(since.atZone(ZoneOffset.UTC));
        return next != null && !next.toInstant().isAfter(now);
    }
}
