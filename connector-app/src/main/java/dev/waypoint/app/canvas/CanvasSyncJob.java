package dev.waypoint.app.canvas;

import dev.waypoint.canvas.CanvasSyncReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.integration.support.locks.RenewableLockRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.Lock;
import java.util.function.BooleanSupplier;

/**
 * One Canvas sync of one tenant, on one node of the cluster at a time: the tenant's lock
 * (spring-integration-jdbc's JdbcLockRegistry over INT_LOCK) is tried, not waited for, so a second
 * trigger — another node's schedule, or an admin pressing "sync" twice — is answered "locked" and reads
 * nothing. The lock is renewed after each course. Every run is recorded with its counts and errors.
 */
public class CanvasSyncJob {

    private static final Logger log = LoggerFactory.getLogger(CanvasSyncJob.class);

    private final CanvasTenants tenants;
    private final JdbcCanvasSyncRuns runs;
    private final LockRegistry locks;
    private final Duration lockTtl;
    private final Clock clock;

    public CanvasSyncJob(CanvasTenants tenants, JdbcCanvasSyncRuns runs, LockRegistry locks, Duration lockTtl, Clock clock) {
        this.tenants = tenants;
        this.runs = runs;
        this.locks = locks;
        this.lockTtl = lockTtl;
        this.clock = clock;
    }

    /** RAN: the sync ran (its report says how it went); LOCKED: another sync of the tenant is running. */
    public enum Result { RAN, LOCKED }

    public record Outcome(Result result, String runId, CanvasSyncReport report) {
    }

    /** Syncs the tenant now, unless another sync of it holds the lock. */
    public Outcome run(String tenantId, String trigger) {
        return run(tenantId, trigger, () -> true);
    }

    /**
     * Syncs the tenant if, once the lock is held, {@code stillDue} agrees: a schedule checks again under
     * the lock, so a node that decided a run was due while another node ran it does not run it twice.
     */
    public Outcome run(String tenantId, String trigger, BooleanSupplier stillDue) {
        CanvasTenants.Connected canvas = tenants.find(tenantId)
                .orElseThrow(() -> new IllegalArgumentException("no Canvas is configured for tenant " + tenantId));
        String key = "canvas-sync-" + tenantId;
        Lock lock = locks.obtain(key);
        if (!lock.tryLock()) {
            log.info("Canvas sync of tenant {} not started ({}): another one holds the lock", tenantId, trigger);
            return new Outcome(Result.LOCKED, null, null);
        }
        try {
            if (!stillDue.getAsBoolean()) {
                return new Outcome(Result.LOCKED, null, null);
            }
            String runId = runs.started(tenantId, trigger, clock.instant());
            try {
                long[] lastRenewal = {System.nanoTime()};
                CanvasSyncReport report = canvas.source().sync(tenantId, canvas.settings().courses(), () -> {
                    if (locks instanceof RenewableLockRegistry renewable
                            && System.nanoTime() - lastRenewal[0] > lockTtl.toNanos() / 3) {
                        renewable.renewLock(key);
                        lastRenewal[0] = System.nanoTime();
                    }
                });
                runs.finished(runId, report, clock.instant());
                return new Outcome(Result.RAN, runId, report);
            } catch (RuntimeException e) {
                runs.failed(runId, e.getMessage(), clock.instant());
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }
}
