package dev.waypoint.core.hrsync;

import dev.waypoint.core.evidence.EvidenceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.waypoint.core.hrsync.HrSyncFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

/** What successive runs send: only verified skills, then exactly the differences since the last run. */
class SkillDiffOverRunsTest {

    private HrSyncFixture db;
    private HrSyncFixture.RecordingOutput hr;

    @BeforeEach
    void setUp() throws Exception {
        db = new HrSyncFixture();
        hr = new HrSyncFixture.RecordingOutput();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private HrSyncRun run(SyncMode mode) {
        hr.clear();
        return db.runner(100).run(HrSyncFixture.TENANT, db.taxonomy, mode, "test", List.of(hr), List.of());
    }

    @Test
    void sendsOnlyVerifiedSkillsAndListsPeopleWithoutHrId() {
        String ada = db.person("E100", "ada@example.com");
        db.verified(ada, "programming", 3, START.minus(Duration.ofDays(10)));
        db.evidence(ada, "ada-sql-course", EvidenceKind.COURSE_COMPLETION, "sql", 2, START.minus(Duration.ofDays(5)));
        String noHr = db.person(null, "nohr@example.com");
        db.verified(noHr, "programming", 2, START.minus(Duration.ofDays(10)));

        HrSyncRun run = run(SyncMode.INCREMENTAL);

        assertThat(hr.lines()).containsExactly("upsert E100 programming 3");
        assertThat(hr.records.get(0).get("email").asText()).isEqualTo("ada@example.com");
        assertThat(hr.records.get(0).get("skillName").asText()).isEqualTo("Programming");
        assertThat(hr.records.get(0).get("evidence")).hasSize(3);
        assertThat(hr.records.get(0).get("taxonomyVersion").asText()).isEqualTo("2025.1-sample");
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.withoutHrIdCount()).isEqualTo(1);
        assertThat(run.withoutHrId()).containsExactly(noHr);
        assertThat(run.counts().skillsUpserted()).isEqualTo(1);
        assertThat(run.counts().peopleSeen()).isEqualTo(2);
    }

    @Test
    void sendsNothingWhenNothingChangedAndTheUpgradeWhenALevelIsReached() {
        String ada = db.person("E100", "ada@example.com");
        db.verified(ada, "programming", 3, START.minus(Duration.ofDays(10)));
        run(SyncMode.INCREMENTAL);

        db.now = START.plus(Duration.ofDays(1));
        run(SyncMode.INCREMENTAL);
        assertThat(hr.lines()).isEmpty();

        db.evidence(ada, "ada-prog-4", EvidenceKind.COURSE_COMPLETION, "programming", 4, START);
        db.now = START.plus(Duration.ofDays(2));
        run(SyncMode.INCREMENTAL);
        assertThat(hr.lines()).containsExactly("upsert E100 programming 4");
    }

    @Test
    void decayFirstDowngradesThenRemoves() {
        String ada = db.person("E100", "ada@example.com");
        // programming has a half-life of 730 days: one level lost per full half-life of age
        db.verified(ada, "programming", 3, START.minus(Duration.ofDays(10)));
        run(SyncMode.INCREMENTAL);

        db.now = START.plus(Duration.ofDays(730));
        run(SyncMode.INCREMENTAL);
        assertThat(hr.lines()).containsExactly("upsert E100 programming 2");

        db.now = START.plus(Duration.ofDays(3 * 730));
        HrSyncRun run = run(SyncMode.INCREMENTAL);
        assertThat(hr.lines()).containsExactly("remove E100 programming 2");
        assertThat(run.counts().skillsRemoved()).isEqualTo(1);

        db.now = START.plus(Duration.ofDays(3 * 730 + 1));
        run(SyncMode.INCREMENTAL);
        assertThat(hr.lines()).isEmpty();
    }

    @Test
    void revokedEvidenceRemovesTheSkill() {
        String ada = db.person("E100", "ada@example.com");
        db.verified(ada, "sql", 3, START.minus(Duration.ofDays(10)));
        run(SyncMode.INCREMENTAL);

        db.revoke(ada, ada + "sql" + "endorsement", START);
        db.now = START.plus(Duration.ofDays(1));
        run(SyncMode.INCREMENTAL);

        assertThat(hr.lines()).containsExactly("remove E100 sql 3");
        assertThat(hr.records.get(0).get("evidence")).isEmpty();
    }

    @Test
    void fullSnapshotResendsWhatDidNotChange() {
        String ada = db.person("E100", "ada@example.com");
        db.verified(ada, "sql", 3, START.minus(Duration.ofDays(10)));
        run(SyncMode.INCREMENTAL);

        db.now = START.plus(Duration.ofDays(1));
        HrSyncRun full = run(SyncMode.FULL);

        assertThat(hr.lines()).containsExactly("upsert E100 sql 3");
        assertThat(full.mode()).isEqualTo(SyncMode.FULL);
    }
}
