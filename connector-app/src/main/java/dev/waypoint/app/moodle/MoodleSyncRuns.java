package dev.waypoint.app.moodle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.engine.NotFoundException;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.moodle.MoodleClient;
import dev.waypoint.moodle.MoodleEvidenceSource;
import dev.waypoint.moodle.MoodleProperties;
import dev.waypoint.moodle.MoodleSyncReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;

/**
 * Runs Moodle syncs, on demand and on each site's schedule, one at a time per site across the cluster (a
 * spring-integration-jdbc lock in {@code INT_LOCK}, region {@code waypoint-moodle-sync}, tried and never
 * waited for), and keeps every run's report in {@code moodle_sync_run} so an admin sees the last sync, its
 * counts and errors.
 */
public class MoodleSyncRuns {

    private static final Logger log = LoggerFactory.getLogger(MoodleSyncRuns.class);

    private final JdbcMoodleSites sites;
    private final MoodleEvidenceSource source;
    private final ActiveTaxonomy taxonomy;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final LockRegistry locks;

    public MoodleSyncRuns(JdbcMoodleSites sites, MoodleEvidenceSource source, ActiveTaxonomy taxonomy, JdbcClient jdbc,
                          ObjectMapper json, Clock clock, LockRegistry locks) {
        this.sites = sites;
        this.source = source;
        this.taxonomy = taxonomy;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.locks = locks;
    }

    /** Syncs the tenant's site now; empty when a sync of that site is already running on any node. */
    public Optional<MoodleSyncReport> syncNow(String tenantId) {
        MoodleClient client = sites.client(tenantId).orElseThrow(() -> new NotFoundException("moodle site", tenantId));
        Lock lock = locks.obtain("moodle-sync:" + tenantId);
        if (!lock.tryLock()) {
            log.info("moodle sync of {} not started: it is running (on this or another node)", tenantId);
            return Optional.empty();
        }
        try {
            MoodleSyncReport report = source.sync(tenantId, client, taxonomy.require());
            jdbc.sql("INSERT INTO moodle_sync_run (tenant_id, started_at, finished_at, report) VALUES (?, ?, ?, ?)")
                    .params(tenantId, Timestamp.from(report.startedAt()), Timestamp.from(report.finishedAt()),
                            json.writeValueAsString(report))
                    .update();
            log.info("moodle sync of {}: {} people, {} unchanged, {} stored, {} errors, {} calls", tenantId,
                    report.people(), report.unchanged(), report.stored(), report.errors().size(), report.httpCalls());
            return Optional.of(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } finally {
            unlock(tenantId, lock);
        }
    }

    /** A sync that outlived the lock's time to live has lost it; the report is kept all the same. */
    private static void unlock(String tenantId, Lock lock) {
        try {
            lock.unlock();
        } catch (RuntimeException expired) {
            log.warn("moodle sync of {} outlived its cluster lock (waypoint.moodle.sync-lock-ttl): {}", tenantId,
                    expired.getMessage());
        }
    }

    /** The latest runs of a tenant, newest first. */
    public List<MoodleSyncReport> recent(String tenantId, int limit) {
        return jdbc.sql("SELECT report FROM moodle_sync_run WHERE tenant_id = ? ORDER BY started_at DESC, id DESC LIMIT ?")
                .params(tenantId, limit)
                .query((rs, n) -> read(rs.getString(1)))
                .list();
    }

    /** Every minute: syncs each site whose own interval has passed since its last run. */
    @Scheduled(fixedDelayString = "${waypoint.moodle.schedule-check:60s}", initialDelayString = "${waypoint.moodle.schedule-check:60s}")
    public void syncDueSites() {
        Instant now = clock.instant();
        for (String tenantId : sites.tenants()) {
            Optional<MoodleProperties> site = sites.find(tenantId);
            if (site.isEmpty() || site.get().syncEvery() == null) {
                continue;
            }
            List<MoodleSyncReport> last = recent(tenantId, 1);
            if (last.isEmpty() || !last.get(0).startedAt().plus(site.get().syncEvery()).isAfter(now)) {
                try {
                    syncNow(tenantId);
                } catch (RuntimeException e) {
                    log.warn("scheduled moodle sync of {} failed: {}", tenantId, e.getMessage());
                }
            }
        }
    }

    private MoodleSyncReport read(String report) {
        try {
            return json.readValue(report, MoodleSyncReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
