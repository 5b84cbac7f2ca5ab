package dev.waypoint.app.hrsync;

import dev.waypoint.core.hrsync.BatchOutput;
import dev.waypoint.core.hrsync.HrSyncRun;
import dev.waypoint.core.hrsync.HrSyncRunner;
import dev.waypoint.core.hrsync.RunOutput;
import dev.waypoint.core.hrsync.RunStatus;
import dev.waypoint.core.hrsync.SyncMode;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.integration.support.locks.RenewableLockRegistry;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;

/**
 * One sync of every configured tenant, on one node of the cluster at a time: the cluster lock
 * (spring-integration-jdbc's JdbcLockRegistry over INT_LOCK) is tried, not waited for, so a second node
 * starting at the same moment reports "locked" and does nothing. The lock is renewed while the run goes on.
 * {@link #runNow} runs on the caller's thread (schedule, command line); {@link #start} runs in the
 * background and answers as soon as the runs are recorded (the API).
 */
public class HrSyncJob implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HrSyncJob.class);
    static final String LOCK_KEY = "waypoint-hr-sync";
    private static final Duration START_WAIT = Duration.ofSeconds(30);

    private final HrSyncRunner runner;
    private final HrSyncOutputs outputs;
    private final HrSyncProperties properties;
    private final ActiveTaxonomy taxonomy;
    private final LockRegistry locks;
    private final Clock clock;
    private final ExecutorService background;

    HrSyncJob(HrSyncRunner runner, HrSyncOutputs outputs, HrSyncProperties properties, ActiveTaxonomy taxonomy,
              LockRegistry locks, Clock clock, ExecutorService background) {
        this.runner = runner;
        this.outputs = outputs;
        this.properties = properties;
        this.taxonomy = taxonomy;
        this.locks = locks;
        this.clock = clock;
        this.background = background;
    }

    /** How a start ended: the runs it made or resumed, or why it did nothing. */
    public record Outcome(Result result, List<HrSyncRun> runs, String reason) {
        public Outcome {
            runs = List.copyOf(runs);
        }

        public boolean succeeded() {
            return result == Result.RAN && runs.stream().allMatch(r -> r.status() == RunStatus.SUCCEEDED);
        }
    }

    /**
     * RAN: the lock was taken and every configured tenant ran (for {@link #start}: the runs were recorded
     * and go on in the background); LOCKED: another run holds the lock.
     */
    public enum Result { RAN, LOCKED, NOT_CONFIGURED }

    /** @param mode null for the scheduled choice (full on the snapshot day, incremental otherwise) */
    public Outcome runNow(String trigger, SyncMode mode) {
        return sync(trigger, mode, begun -> { });
    }

    /**
     * Starts a sync on a background thread and answers once it holds the lock and has recorded the run
     * of each tenant (an unfinished run is resumed first), with those runs as they began; or LOCKED or
     * NOT_CONFIGURED at once.
     */
    public Outcome start(String trigger, SyncMode mode) {
        CompletableFuture<Outcome> begun = new CompletableFuture<>();
        try {
            background.execute(() -> {
                try {
                    Outcome ended = sync(trigger, mode, runs -> begun.complete(new Outcome(Result.RAN, runs, null)));
                    begun.complete(ended);
                } catch (RuntimeException e) {
                    log.warn("hr-sync started by {} stopped", trigger, e);
                    begun.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            return new Outcome(Result.LOCKED, List.of(), "the HR sync cannot start now: " + e.getMessage());
        }
        try {
            return begun.get(START_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the HR sync could not start: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the HR sync did not record its runs within " + START_WAIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the HR sync started", e);
        }
    }

    private Outcome sync(String trigger, SyncMode mode, Consumer<List<HrSyncRun>> onBegun) {
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
            Runnable heartbeat = heartbeat();
            // Outputs first: a configuration they refuse must stop the start before any run is recorded.
            Map<String, List<BatchOutput>> batchOutputs = new TreeMap<>();
            Map<String, List<RunOutput>> runOutputs = new TreeMap<>();
            tenants.forEach((tenantId, tenant) -> {
                batchOutputs.put(tenantId, outputs.batchOutputs(tenant));
                runOutputs.put(tenantId, outputs.runOutputs(tenant));
            });
            List<HrSyncRun> begun = new ArrayList<>();
            tenants.keySet().forEach(tenantId -> begun.add(runner.begin(tenantId, active, chosen, trigger)));
            onBegun.accept(begun);
            List<HrSyncRun> runs = new ArrayList<>();
            for (HrSyncRun run : begun) {
                runs.add(runner.carryOn(run, active, batchOutputs.get(run.tenantId()), runOutputs.get(run.tenantId()),
                        heartbeat));
            }
            return new Outcome(Result.RAN, runs, null);
        } finally {
            lock.unlock();
        }
    }

    /** Renews the cluster lock every third of its time to live, from the running thread. */
    private Runnable heartbeat() {
        long[] lastRenewal = {System.nanoTime()};
        long renewEvery = properties.lockTtl().toNanos() / 3;
        return () -> {
            if (locks instanceof RenewableLockRegistry renewable && System.nanoTime() - lastRenewal[0] > renewEvery) {
                renewable.renewLock(LOCK_KEY);
                lastRenewal[0] = System.nanoTime();
            }
        };
    }

    /**
     * A thread per start requested over the API: a start that finds the lock taken ends at once, so
     * threads do not pile up. Kept out of the context (an Executor bean would replace Spring Boot's own).
     */
    static ExecutorService startThreads() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "hr-sync-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Interrupts a background sync on shutdown: it records itself interrupted and the next start resumes it. */
    @Override
    public void close() throws InterruptedException {
        background.shutdownNow();
        // the interrupted run still writes its state: the database must outlive it
        background.awaitTermination(10, TimeUnit.SECONDS);
    }

    SyncMode scheduledMode() {
        DayOfWeek today = clock.instant().atZone(ZoneId.of(properties.zone())).getDayOfWeek();
        return today == properties.fullSnapshotDay() ? SyncMode.FULL : SyncMode.INCREMENTAL;
    }
}
