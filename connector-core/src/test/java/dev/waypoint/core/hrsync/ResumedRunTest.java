package dev.waypoint.core.hrsync;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import static dev.waypoint.core.hrsync.HrSyncFixture.START;
import static dev.waypoint.core.hrsync.HrSyncFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run stopped in the middle — killed, interrupted, or its files output unable to write (directory full
 * or gone) — resumes at the first unsent batch, under the same keys, skipping none and sending none to
 * HR under a new key; the report says what stopped it.
 */
class ResumedRunTest {

    private HrSyncFixture db;
    private final HrSyncFixture.RecordingOutput hr = new HrSyncFixture.RecordingOutput();

    @BeforeEach
    void setUp() throws Exception {
        db = HrSyncFixture.withFiveVerifiedPeople();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** Runs once with the HR end killed at batch 2 of 3 (batches of 2); answers the stopped run's id. */
    private String killedAtSecondBatch(HrSyncRunner runner) {
        hr.crashAtBatch = 2;
        assertThatThrownBy(() -> runner.run(HrSyncFixture.TENANT, db.taxonomy, SyncMode.INCREMENTAL, "test",
                List.of(hr), List.of())).hasMessageContaining("killed");
        return db.store.listRuns(HrSyncFixture.TENANT, 0, 10).get(0).id();
    }

    @Test
    void aResumedRunIsRecordedAsDeliveringBeforeItIsCarriedOn() {
        HrSyncRunner runner = db.runner(2);
        String runId = killedAtSecondBatch(runner);

        HrSyncRun begun = runner.begin(HrSyncFixture.TENANT, db.taxonomy, SyncMode.INCREMENTAL, "test");

        assertThat(begun.id()).isEqualTo(runId);
        assertThat(begun.status()).isEqualTo(RunStatus.DELIVERING);
        assertThat(db.store.findRun(runId).orElseThrow().status()).as("as anyone reading it sees it")
                .isEqualTo(RunStatus.DELIVERING);
        assertThat(hr.keys).as("nothing sent by beginning").containsExactly(runId + "-1");
    }

    @Test
    void killedRunResumesAtTheFirstUnsentBatch() {
        HrSyncRunner runner = db.runner(2);
        String runId = killedAtSecondBatch(runner);
        assertThat(db.store.findRun(runId).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(hr.keys).containsExactly(runId + "-1");

        HrSyncRun resumed = runner.run(HrSyncFixture.TENANT, db.taxonomy, SyncMode.INCREMENTAL, "test",
                List.of(hr), List.of());

        assertThat(resumed.id()).isEqualTo(runId);
        assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(hr.keys).containsExactly(runId + "-1", runId + "-2", runId + "-3");
        assertThat(hr.lines()).hasSize(5).doesNotHaveDuplicates();
        assertThat(resumed.counts().batchesSent()).isEqualTo(3);
        assertThat(resumed.errors()).anyMatch(e -> e.contains("killed"));

        hr.clear();
        db.now = START.plus(Duration.ofDays(1));
        HrSyncRun next = runner.run(HrSyncFixture.TENANT, db.taxonomy, SyncMode.INCREMENTAL, "test", List.of(hr), List.of());
        assertThat(next.id()).isNotEqualTo(runId);
        assertThat(hr.lines()).isEmpty();
    }

    @Test
    void processKilledWhileDeliveringLeavesARunThatResumes() {
        HrSyncRunner runner = db.runner(2);
        // The row a killed process leaves: planned, status DELIVERING, batch 1 sent, the rest pending.
        hr.crashAtBatch = 2;
        assertThatThrownBy(() -> runner.run(HrSyncFixture.TENANT, db.taxonomy, SyncMode.INCREMENTAL, "test",
                List.of(hr), List.of()));
        HrSyncRun stopped = db.store.listRuns(HrSyncFixture.TENANT, 0, 1).get(0);
        db.store.updateRun(stopped.with(RunStatus.DELIVERING));

        runner.run(HrSyncFixture.TENANT, db.taxonomy, SyncMode.INCREMENTAL, "test", List.of(hr), List.of());

        assertThat(new ArrayList<>(hr.keys)).containsExactly(stopped.id() + "-1", stopped.id() + "-2", stopped.id() + "-3");
    }

    @Test
    void interruptedThreadStopsTheRunAndItResumes() {
        HrSyncRunner runner = db.runner(2);
        BatchOutput interrupting = new BatchOutput() {
            @Override public String name() { return "interrupting"; }
            @Override public Delivery deliver(String tenantId, HrSyncBatch batch) {
                Delivery d = hr.deliver(tenantId, batch);
                Thread.currentThread().interrupt();
                return d;
            }
        };
        assertThatThrownBy(() -> runner.run(HrSyncFixture.TENANT, db.taxonomy, SyncMode.INCREMENTAL, "test",
                List.of(interrupting), List.of())).hasMessageContaining("interrupted");
        Thread.interrupted();
        assertThat(hr.keys).hasSize(1);

        HrSyncRun resumed = runner.run(HrSyncFixture.TENANT, db.taxonomy, SyncMode.INCREMENTAL, "test", List.of(hr), List.of());

        assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(hr.keys).hasSize(3).doesNotHaveDuplicates();
        assertThat(hr.lines()).hasSize(5).doesNotHaveDuplicates();
    }

    /** Fails its first write as a full disk does, then writes; keeps the records it wrote. */
    private static final class FillingDirectory implements RunOutput {
        final List<String> written = new ArrayList<>();
        int failures = 1;

        @Override
        public String name() {
            return "files";
        }

        @Override
        public void write(HrSyncRun run, Batches batches) throws OutputUnavailableException {
            if (failures-- > 0) {
                throw new OutputUnavailableException("writing the files to /hr failed: No space left on device");
            }
            batches.forEach(b -> written.add(b.idempotencyKey() + " " + b.recordCount()));
        }
    }

    @Test
    void aFullOutputDirectoryStopsTheRunResumableAndTheNextStartWritesItWithoutResending() {
        HrSyncRunner runner = db.runner(2);
        FillingDirectory files = new FillingDirectory();

        HrSyncRun stopped = runner.run(TENANT, db.taxonomy, SyncMode.INCREMENTAL, "test", List.of(hr), List.of(files));

        assertThat(stopped.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(stopped.errors()).anyMatch(e -> e.contains("No space left on device"));
        assertThat(stopped.counts().batchesSent()).isEqualTo(3);
        assertThat(hr.keys).hasSize(3);
        // HR got the batches, but the run did not finish: what HR holds is not recorded yet
        assertThat(db.store.sentSkills(TENANT, people())).isEmpty();

        HrSyncRun resumed = runner.run(TENANT, db.taxonomy, SyncMode.INCREMENTAL, "test", List.of(hr), List.of(files));

        assertThat(resumed.id()).isEqualTo(stopped.id());
        assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(hr.keys).as("no batch went to HR twice").hasSize(3);
        assertThat(files.written).containsExactly(stopped.id() + "-1 2", stopped.id() + "-2 2", stopped.id() + "-3 1");
        assertThat(db.store.sentSkills(TENANT, people())).hasSize(5);
    }

    @Test
    void killedBeforeTheSentMarksResendsOnlyUnderTheSameKeysAndSkipsNothing() {
        HrSyncRunner runner = db.runner(2);
        hr.crashAtBatch = 3;
        assertThatThrownBy(() -> runner.run(TENANT, db.taxonomy, SyncMode.INCREMENTAL, "test", List.of(hr), List.of()));
        String runId = db.store.listRuns(TENANT, 0, 1).get(0).id();
        // Sent marks are written a group at a time: a process killed before the group's commit leaves
        // batches HR already has still pending, with the run still delivering.
        new JdbcTemplate(db.dataSource).update("UPDATE hr_sync_batch SET state = 'PENDING' WHERE run_id = ? AND batch_no = 2",
                runId);
        db.store.updateRun(db.store.findRun(runId).orElseThrow().with(RunStatus.DELIVERING));

        HrSyncRun resumed = runner.run(TENANT, db.taxonomy, SyncMode.INCREMENTAL, "test", List.of(hr), List.of());

        assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(hr.keys).containsExactly(runId + "-1", runId + "-2", runId + "-2", runId + "-3");
        // a receiver that honours the key applies each batch once: every person exactly once
        List<String> applied = new ArrayList<>();
        LinkedHashSet<String> seenKeys = new LinkedHashSet<>();
        List<String> lines = hr.lines();
        int line = 0;
        for (int i = 0; i < hr.keys.size(); i++) {
            int size = hr.keys.get(i).endsWith("-3") ? 1 : 2;
            if (seenKeys.add(hr.keys.get(i))) {
                applied.addAll(lines.subList(line, line + size));
            }
            line += size;
        }
        assertThat(applied).hasSize(5).doesNotHaveDuplicates();
    }

    private List<String> people() {
        return new JdbcTemplate(db.dataSource).queryForList("SELECT id FROM person ORDER BY id", String.class);
    }
}
