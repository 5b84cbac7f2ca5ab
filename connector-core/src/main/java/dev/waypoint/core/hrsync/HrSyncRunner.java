package dev.waypoint.core.hrsync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.waypoint.core.evidence.Evidence;
import dev.waypoint.core.hrsync.jdbc.JdbcHrSyncStore;
import dev.waypoint.core.hrsync.jdbc.JdbcHrSyncStore.LedgerLine;
import dev.waypoint.core.hrsync.jdbc.JdbcHrSyncStore.PersonRow;
import dev.waypoint.core.taxonomy.Skill;
import dev.waypoint.core.taxonomy.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs one HR sync of one tenant, or resumes the tenant's unfinished one.
 *
 * <p>Three phases, each checkpointed in the database: <b>plan</b> walks the people a page at a time and
 * stores the differences as numbered batches (a run stopped here is planned again, nothing having been
 * sent); <b>deliver</b> hands each pending batch, in order, to the batch outputs and marks it sent or
 * refused (a run stopped here resumes at the first pending batch, under the same idempotency keys);
 * <b>settle</b> writes the whole run to the run outputs and only then records, from each sent batch's
 * ledger, what HR now holds, so the next incremental run diffs against what was really delivered.
 * One node at a time is the caller's business (the app holds a cluster lock around {@link #run}).
 */
public final class HrSyncRunner {

    private static final Logger log = LoggerFactory.getLogger(HrSyncRunner.class);
    private static final int PAGE = 500;
    private static final int SETTLE_LINES = 10_000;
    private static final int MARK_EVERY = 20;
    private static final long MARK_AT_LEAST_EVERY = Duration.ofSeconds(1).toNanos();

    private final JdbcHrSyncStore store;
    private final Clock clock;
    private final int batchSize;
    private final Duration progressEvery;
    private final ThreadLocal<Runnable> heartbeat = new ThreadLocal<>();
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    public HrSyncRunner(JdbcHrSyncStore store, Clock clock, int batchSize,
                        Duration progressEvery) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        this.store = store;
        this.clock = clock;
        this.batchSize = batchSize;
        this.progressEvery = progressEvery;
    }

    /** The body of one batch as receivers get it (see docs/hr-sync-format.md). */
    public record BatchBody(int schemaVersion, String tenantId, String runId, int batch, String mode,
                            List<HrRecord> records) {
    }

    /**
     * Resumes the tenant's unfinished run if there is one, else starts a run in {@code mode}. Returns the
     * run as it ended: finished, or INTERRUPTED with the reason in its errors.
     */
    public HrSyncRun run(String tenantId, Taxonomy taxonomy, SyncMode mode, String trigger,
                         List<BatchOutput> batchOutputs, List<RunOutput> runOutputs) {
        return run(tenantId, taxonomy, mode, trigger, batchOutputs, runOutputs, () -> { });
    }

    /**
     * As {@link #run(String, Taxonomy, SyncMode, String, List, List)}, calling {@code heartbeat} on the
     * running thread between pages and batches (the app renews its cluster lock there).
     */
    public HrSyncRun run(String tenantId, Taxonomy taxonomy, SyncMode mode, String trigger,
                         List<BatchOutput> batchOutputs, List<RunOutput> runOutputs, Runnable heartbeat) {
        return carryOn(begin(tenantId, taxonomy, mode, trigger), taxonomy, batchOutputs, runOutputs, heartbeat);
    }

    /**
     * The run a start works on, recorded before any work: the tenant's unfinished run if there is one,
     * else a new run in {@code mode}. Lets a caller name the run at once and {@link #carryOn} elsewhere.
     */
    public HrSyncRun begin(String tenantId, Taxonomy taxonomy, SyncMode mode, String trigger) {
        HrSyncRun run = store.unfinishedRun(tenantId).orElse(null);
        if (run == null) {
            run = new HrSyncRun(UUID.randomUUID().toString(), tenantId, mode, trigger, RunStatus.PLANNING,
                    taxonomy.version(), clock.instant(), null, HrSyncRun.Counts.NONE, 0, List.of(), List.of());
            store.insertRun(run);
            log.info("hr-sync run {} of tenant {} started ({}, {})", run.id(), tenantId, mode.wireName(), trigger);
        } else {
            log.info("hr-sync run {} of tenant {} resumed from {}", run.id(), tenantId, run.status());
            if (run.status() == RunStatus.INTERRUPTED) {
                // Recorded before the start is answered: a caller who reads the run at once must not see it
                // still stopped (and take it for finished) while it is already being carried on.
                run = run.with(RunStatus.DELIVERING);
                store.updateRun(run);
            }
        }
        return run;
    }

    /**
     * Takes a run from {@link #begin} to its end: finished, or INTERRUPTED (resumable) with the reason in
     * its errors. {@code heartbeat} is called on the running thread between pages and batches.
     */
    public HrSyncRun carryOn(HrSyncRun run, Taxonomy taxonomy, List<BatchOutput> batchOutputs,
                             List<RunOutput> runOutputs, Runnable heartbeat) {
        this.heartbeat.set(heartbeat);
        try {
            return carryOn(run, taxonomy, batchOutputs, runOutputs);
        } finally {
            this.heartbeat.remove();
        }
    }

    private HrSyncRun carryOn(HrSyncRun run, Taxonomy taxonomy, List<BatchOutput> batchOutputs,
                              List<RunOutput> runOutputs) {
        try {
            if (run.status() == RunStatus.PLANNING) {
                run = plan(run.with(RunStatus.PLANNING), taxonomy);
            }
            run = run.with(RunStatus.DELIVERING);
            store.updateRun(run);
            run = deliver(run, batchOutputs);
            if (run.status() == RunStatus.INTERRUPTED) {
                return run;
            }
            return settle(run, runOutputs);
        } catch (OutputUnavailableException e) {
            return interrupt(run, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("hr-sync run {} stopped", run.id(), e);
            interrupt(run, "stopped: " + e);
            throw e;
        }
    }

    private HrSyncRun plan(HrSyncRun run, Taxonomy taxonomy) {
        store.deleteBatches(run.id());
        store.updateRun(run);
        PersonVerification verification = new PersonVerification(taxonomy, run.startedAt());
        Map<String, String> skillNames = new HashMap<>();
        for (Skill s : taxonomy.skills().values()) {
            skillNames.put(s.id(), s.name());
        }
        ProgressLog progress = new ProgressLog("hr-sync run " + run.id() + " planning", "people",
                store.countPeople(run.tenantId()), progressEvery);
        Planner planner = new Planner(run);
        String after = "";
        List<PersonRow> page;
        do {
            checkInterrupted();
            page = store.peoplePage(run.tenantId(), after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            List<String> ids = page.stream().map(PersonRow::personId).toList();
            Map<String, List<Evidence>> byPerson = store.evidenceOf(run.tenantId(), ids);
            Map<String, Map<String, SentSkill>> sent = store.sentSkills(run.tenantId(), ids);
            for (PersonRow person : page) {
                Map<String, VerifiedSkill> verified = verification.verifiedSkills(
                        byPerson.getOrDefault(person.personId(), List.of()),
                        verification.policyFor(person.currentRoleId(), person.firstTargetRoleId()));
                planner.person(person, verified, sent.getOrDefault(person.personId(), Map.of()), skillNames,
                        taxonomy.version());
            }
            after = page.get(page.size() - 1).personId();
            progress.advance(page.size());
        } while (page.size() == PAGE);
        planner.flush(true);
        HrSyncRun planned = planner.run().with(RunStatus.DELIVERING);
        store.updateRun(planned);
        log.info("hr-sync run {} planned: {} people, {} upserts, {} removals in {} batches", run.id(),
                planned.counts().peopleSeen(), planned.counts().skillsUpserted(), planned.counts().skillsRemoved(),
                planned.counts().batchesTotal());
        return planned;
    }

    /**
     * Hands each pending batch to the batch outputs in order. Accepted batches are marked sent a group at
     * a time ({@link #MARK_EVERY} batches or one second, whichever comes first, and always before the run
     * stops): a commit per batch was a large part of a big run's time. A process killed in between re-sends
     * at most that group, under the same idempotency keys.
     */
    private HrSyncRun deliver(HrSyncRun run, List<BatchOutput> outputs) throws OutputUnavailableException {
        run = withBatchCounts(run);
        List<Integer> pending = store.pendingBatchNumbers(run.id());
        ProgressLog progress = new ProgressLog("hr-sync run " + run.id() + " delivery", "batches",
                pending.size(), progressEvery);
        List<Integer> accepted = new ArrayList<>();
        long lastMark = System.nanoTime();
        try {
            for (int batchNo : pending) {
                checkInterrupted();
                String refusal = outputs.isEmpty() ? null : deliver(run, store.batch(run.id(), batchNo), outputs);
                HrSyncRun.Counts c = run.counts();
                if (refusal == null) {
                    accepted.add(batchNo);
                    run = run.with(new HrSyncRun.Counts(c.peopleSeen(), c.peopleSent(), c.skillsUpserted(),
                            c.skillsRemoved(), c.batchesTotal(), c.batchesSent() + 1, c.batchesFailed()));
                } else {
                    markSent(run, accepted);
                    store.markBatch(run.id(), batchNo, HrSyncBatch.State.REJECTED, refusal);
                    run = run.withError(refusal).with(new HrSyncRun.Counts(c.peopleSeen(), c.peopleSent(),
                            c.skillsUpserted(), c.skillsRemoved(), c.batchesTotal(), c.batchesSent(), c.batchesFailed() + 1));
                    log.warn("hr-sync run {}: {}", run.id(), refusal);
                    store.updateRun(run);
                }
                if (accepted.size() >= MARK_EVERY || System.nanoTime() - lastMark >= MARK_AT_LEAST_EVERY) {
                    markSent(run, accepted);
                    lastMark = System.nanoTime();
                }
                progress.advance(1);
            }
        } finally {
            markSent(run, accepted);
        }
        return run;
    }

    /** @return null when every output accepted the batch, else the first refusal */
    private static String deliver(HrSyncRun run, HrSyncBatch batch, List<BatchOutput> outputs)
            throws OutputUnavailableException {
        for (BatchOutput output : outputs) {
            BatchOutput.Delivery delivery = output.deliver(run.tenantId(), batch);
            if (!delivery.accepted()) {
                return output.name() + " refused batch " + batch.batchNo() + ": " + delivery.reason();
            }
        }
        return null;
    }

    private void markSent(HrSyncRun run, List<Integer> accepted) {
        if (!accepted.isEmpty()) {
            store.markSent(run.id(), accepted);
            accepted.clear();
        }
    }

    private HrSyncRun settle(HrSyncRun run, List<RunOutput> outputs) throws OutputUnavailableException {
        String runId = run.id();
        for (RunOutput output : outputs) {
            output.write(run, consumer -> store.forEachBatch(runId, consumer));
        }
        // Several batches' ledgers per transaction: one commit per batch made settling a large run slow.
        List<LedgerLine> lines = new ArrayList<>();
        store.forEachLedger(runId, HrSyncBatch.State.SENT, ledger -> {
            ledger.lines().forEach(line -> lines.add(LedgerLine.parse(line)));
            if (lines.size() >= SETTLE_LINES) {
                store.applyLedger(run.tenantId(), runId, lines);
                lines.clear();
            }
        });
        store.applyLedger(run.tenantId(), runId, lines);
        HrSyncRun done = withBatchCounts(run);
        done = done.with(done.counts().batchesFailed() > 0 ? RunStatus.PARTIAL : RunStatus.SUCCEEDED)
                .finishedAt(clock.instant());
        store.updateRun(done);
        log.info("hr-sync run {} {}: {} people sent, {} upserts, {} removals, {} of {} batches refused, {} without HR id",
                runId, done.status(), done.counts().peopleSent(), done.counts().skillsUpserted(),
                done.counts().skillsRemoved(), done.counts().batchesFailed(), done.counts().batchesTotal(),
                done.withoutHrIdCount());
        return done;
    }

    private HrSyncRun withBatchCounts(HrSyncRun run) {
        Map<HrSyncBatch.State, Integer> states = store.batchStates(run.id());
        HrSyncRun.Counts c = run.counts();
        return run.with(new HrSyncRun.Counts(c.peopleSeen(), c.peopleSent(), c.skillsUpserted(), c.skillsRemoved(),
                states.values().stream().mapToInt(Integer::intValue).sum(),
                states.getOrDefault(HrSyncBatch.State.SENT, 0), states.getOrDefault(HrSyncBatch.State.REJECTED, 0)));
    }

    private HrSyncRun interrupt(HrSyncRun run, String reason) {
        HrSyncRun current = store.findRun(run.id()).orElse(run);
        // A run stopped while planning stays PLANNING: its partial plan is thrown away and made again.
        RunStatus status = current.status() == RunStatus.PLANNING ? RunStatus.PLANNING : RunStatus.INTERRUPTED;
        HrSyncRun stopped = withBatchCounts(current).with(status).withError(reason);
        store.updateRun(stopped);
        log.warn("hr-sync run {} interrupted: {}", run.id(), reason);
        return stopped;
    }

    private void checkInterrupted() {
        Runnable beat = heartbeat.get();
        if (beat != null) {
            beat.run();
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("the sync thread was interrupted");
        }
    }

    /** Collects a run's changes into numbered batches and counts what the report needs. */
    private final class Planner {
        private final List<SkillDiff.Change> buffer = new ArrayList<>();
        private HrSyncRun run;
        private int batchNo;
        private int seen;
        private int sentPeople;
        private int upserts;
        private int removes;
        private int withoutHrId;
        private final List<String> withoutHrIdListed = new ArrayList<>();

        Planner(HrSyncRun run) {
            this.run = run;
        }

        void person(PersonRow person, Map<String, VerifiedSkill> verified, Map<String, SentSkill> sent,
                    Map<String, String> skillNames, String taxonomyVersion) {
            seen++;
            if (person.hrEmployeeId() == null) {
                if (!verified.isEmpty()) {
                    withoutHrId++;
                    if (withoutHrIdListed.size() < HrSyncRun.LISTED) {
                        withoutHrIdListed.add(person.personId());
                    }
                }
                return;
            }
            List<SkillDiff.Change> changes = SkillDiff.between(person.personId(), person.hrEmployeeId(), person.email(),
                    verified, sent, skillNames, taxonomyVersion, run.mode());
            if (changes.isEmpty()) {
                return;
            }
            sentPeople++;
            for (SkillDiff.Change change : changes) {
                if (change.record().action() == HrRecord.Action.UPSERT) {
                    upserts++;
                } else {
                    removes++;
                }
            }
            buffer.addAll(changes);
            flush(false);
        }

        void flush(boolean all) {
            while (buffer.size() >= batchSize || (all && !buffer.isEmpty())) {
                List<SkillDiff.Change> chunk = buffer.subList(0, Math.min(batchSize, buffer.size()));
                writeBatch(new ArrayList<>(chunk));
                chunk.clear();
            }
        }

        private void writeBatch(List<SkillDiff.Change> changes) {
            batchNo++;
            List<HrRecord> records = changes.stream().map(SkillDiff.Change::record).toList();
            StringBuilder ledger = new StringBuilder();
            int batchUpserts = 0;
            for (SkillDiff.Change c : changes) {
                HrRecord r = c.record();
                LedgerLine.Effect effect = c.remove() ? LedgerLine.Effect.DELETE
                        : c.sentHash() == null ? LedgerLine.Effect.INSERT
                        : c.sentHash().equals(c.hash()) ? LedgerLine.Effect.KEEP : LedgerLine.Effect.UPDATE;
                batchUpserts += c.remove() ? 0 : 1;
                if (ledger.length() > 0) {
                    ledger.append('\n');
                }
                ledger.append(new LedgerLine(c.personId(), r.skillId(), effect, r.level(), r.verifiedAt(), c.hash()).format());
            }
            String body;
            try {
                body = json.writeValueAsString(new BatchBody(HrRecord.SCHEMA_VERSION, run.tenantId(), run.id(), batchNo,
                        run.mode().wireName(), records));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an HR record could not be written as JSON", e);
            }
            store.insertBatch(new HrSyncBatch(run.id(), batchNo, HrSyncBatch.idempotencyKey(run.id(), batchNo),
                    HrSyncBatch.State.PENDING, records.size(), batchUpserts, records.size() - batchUpserts, body, null),
                    ledger.toString());
        }

        HrSyncRun run() {
            return run.with(new HrSyncRun.Counts(seen, sentPeople, upserts, removes, batchNo, 0, 0))
                    .withoutHrId(withoutHrId, withoutHrIdListed);
        }
    }
}
