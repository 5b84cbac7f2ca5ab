package dev.waypoint.app.hrsync;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Starts the nightly sync from {@code waypoint.hr-sync.cron} in {@code waypoint.hr-sync.zone}. */
@Component
class HrSyncSchedule {

    private final HrSyncJob job;

    HrSyncSchedule(HrSyncJob job) {
        this.job = job;
    }

    @Scheduled(cron = "${waypoint.hr-sync.cron:0 0 2 * * *}", zone = "${waypoint.hr-sync.zone:UTC}")
    void nightly() {
        job.runNow("schedule", null);
    }
}
