package dev.waypoint.core.hrsync;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.waypoint.core.hrsync.HrSyncFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run killed in the middle resumes at the first unsent batch, under the same keys, skipping none. */
class ResumedRunTest {

    private HrSyncFixture db;
    private final HrSyncFixture.RecordingOutput hr = new HrSyncFixture.RecordingOutput();

    @BeforeEach
    void setUp() throws Exception {
        db = new HrSyncFixture();
        for (int i = 1; i <= 5; i++) {
            String p = db.person("E" + i, "p" + i + "@example.com");
            db.verified(p, "sql", 3, START.minus(Duration.ofDays(10)));
        }
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void killedRunResumesAtTheFirstUnsentBatch() {
        hr.crashAtBatch = 2;
        HrSyncRunner runner = db.runner(2);
        assertThatThrownBy(() -> runner.run(HrSyncFixture.TENANT, db.taxonomy, SyncMode.INCREMENTAL, "test",
                List.of(hr), List.of())).hasMessageContaining("killed");
        String runId = db.store.listRuns(HrSyncFixture.TENANT, 0, 10).get(0).id();
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
}
