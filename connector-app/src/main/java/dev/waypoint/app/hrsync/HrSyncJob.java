package dev.waypoint.app.hrsync;

import dev.waypoint.core.hrsync.HrSyncRun;
import dev.waypoint.core.hrsync.HrSyncRunner;
import dev.waypoint.core.hrsync.SyncMode;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.integration.support.locks.RenewableLockRegistry;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;

/**
 * One sync of every configured tenant, on one node of the cluster at a time: the cluster lock
 * (spring-integration-jdbc's JdbcLockRegistry over INT_LOCK) is tried, not waited for, so a second node
 * starting at the same moment reports "locked" and does nothing. The lock is renewed while the run goes on.
 */
public class HrSyncJob {

    private static final Logger log = LoggerFactory.getLogger(HrSyncJob.class);
    static final String LOCK_KEY = "waypoint-hr-sync";

    private final HrSyncRunner runner;
    private final HrSyncOutputs outputs;
    private final HrSyncProperties properties;
    private final ActiveTaxonomy taxonomy;
    private final LockRegistry locks;
    private final Clock clock;

    HrSyncJob(HrSyncRunner runner, HrSyncOutputs outputs, HrSyncProperties properties, ActiveTaxonomy taxonomy,
              LockRegistry locks, Clock clock) {
        this.runner = runner;
        this.outputs = outputs;
        this.properties = properties;
        this.taxonomy = taxonomy;
        this.locks = locks;
        this.clock = clock;
    }

    /** How a start ended: the runs it made or resumed, or why it did nothing. */
    public record Outcome(Result result, List<HrSyncRun> runs, String reason) {
        public Outcome {
            runs = List.copyOf(runs);
        }

        public boolean succeeded() {
            return result == Result.RAN && runs.stream().allMatch(r -> r.status() == dev.waypoint.core.hrsync.RunStatus.SUCCEEDED);
        }
    }

    /** RAN: the lock was taken and every configured tenant ran; LOCKED: another node is running it. */
    public enum Result { RAN, LOCKED, NOT_CONFIGURED }

    /** @param mode null for the scheduled choice (full on the snapshot day, incremental otherwise) */
    public Outcome runNow(String trigger, SyncMode mode) {
        Map<String, HrSyncProperties.Tenant> tenants = new TreeMap<>(properties.tenants());
        if (tenants.isEmpty()) {
            return new Outcome(Result.NOT_CONFIGURED, List.of(), "no tenant has an HR sync output configured");
        }
        Taxonomy active = taxonomy.current().orElse(null);
        if (active == null) {
            return new Outcome(Result.NOT_CONFIGURED, List.of(), "no taxonomy is loaded");
        }
        Lock lock = locks.obtain(LOCK_KEY);
        if (!lock.tryLock()) {
            log.info("hr-sync not started ({}): another node holds the lock", trigger);
            return new Outcome(Result.LOCKED, List.of(), "another node is running the HR sync");
        }
        try {
            SyncMode chosen = mode != null ? mode : scheduledMode();
            List<HrSyncRun> runs = new ArrayList<>();
            long[] lastRenewal = {System.nanoTime()};
            long renewEvery = properties.lockTtl().toNanos() / 3;
            Runnable heartbeat = () -> {
                if (locks instanceof RenewableLockRegistry renewable && System.nanoTime() - lastRenewal[0] > renewEvery) {
                    renewable.renewLock(LOCK_KEY);
                    lastRenewal[0] = System.nanoTime();
                }
            };
            tenants.forEach((tenantId, tenant) -> runs.add(runner.run(tenantId, active, chosen, trigger,
                    outputs.batchOutputs(tenant), outputs.runOutputs(tenant), heartbeat)));
            return new Outcome(Result.RAN, runs, null);
        } finally {
            lock.unlock();
        }
    }

    SyncMode scheduledMode() {
        DayOfWeek today = clock.instant().atZone(ZoneId.of(properties.zone())).getDayOfWeek();
        return today == properties.fullSnapshotDay() ? SyncMode.FULL : SyncMode.INCREMENTAL;
    }
}
