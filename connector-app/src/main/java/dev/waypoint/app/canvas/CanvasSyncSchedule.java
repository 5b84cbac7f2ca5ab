package dev.waypoint.app.canvas;

import dev.waypoint.canvas.CanvasSyncReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The scheduled full sync of every tenant's Canvas ({@code waypoint.canvas.sync-cron}; "-" turns it off). */
@Component
public class CanvasSyncSchedule {

    private static final Logger log = LoggerFactory.getLogger(CanvasSyncSchedule.class);

    private final CanvasTenants tenants;

    public CanvasSyncSchedule(CanvasTenants tenants) {
        this.tenants = tenants;
    }

    @Scheduled(cron = "${waypoint.canvas.sync-cron:-}")
    public void syncAll() {
        for (String tenant : tenants.tenantIds()) {
            try {
                CanvasSyncReport report = tenants.sync(tenant);
                log.info("Canvas sync of tenant {}: {} stored, {} not mapped, {} calls, failures {}", tenant,
                        report.stored(), report.notMapped(), report.calls(), report.failures());
            } catch (RuntimeException e) {
                // one tenant's Canvas being down must not keep the others from syncing
                log.warn("Canvas sync of tenant {} failed: {}", tenant, e.getMessage());
            }
        }
    }
}
