package dev.waypoint.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.xapi.statement.XapiVersion;
import dev.waypoint.xapi.store.JdbcStatementStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Moodle's logstore_xapi does and needs (statement shapes in src/test/resources/corpus/logstore-*.json,
 * modelled on the plugin's transformers): batches of 30 without ids, resent whole after any non-200 answer,
 * and automatic badge awards with {@code context.instructor: "System"}.
 */
class LogstoreCompatibilityTest {

    private final TestDatabase db = new TestDatabase();
    private final JdbcStatementStore store = new JdbcStatementStore(db.jdbc, db.tx);
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private StatementIntake intake(boolean strict) {
        return new StatementIntake(new ObjectMapper(), store,
                new XapiProperties(strict, 0, List.of("https://moodle.example.com"), null, null, null, null), clock);
    }

    @Test
    void aResentBatchWithoutIdsGetsTheSameIdsAndIsStoredOnce() {
        byte[] batch = Corpus.text("logstore-batch-30.json").getBytes(StandardCharsets.UTF_8);

        IntakeResult first = intake(false).post("default", "xk_moodle", XapiVersion.V1_0, batch);
        IntakeResult resent = intake(false).post("default", "xk_moodle", XapiVersion.V1_0, batch);

        assertThat(first).isInstanceOf(IntakeResult.Accepted.class);
        assertThat(resent).isInstanceOf(IntakeResult.Accepted.class);
        IntakeResult.Accepted a = (IntakeResult.Accepted) first;
        IntakeResult.Accepted b = (IntakeResult.Accepted) resent;
        assertThat(a.ids()).hasSize(30).doesNotHaveDuplicates();
        assertThat(b.ids()).isEqualTo(a.ids());
        assertThat(a.newlyStored()).as("'viewed' means no evidence: nothing to hand on").isEmpty();
        assertThat(store.count("default")).isEqualTo(30);
    }

    @Test
    void aResentCompletionIsHandedOnOnlyTheFirstTime() {
        byte[] completion = Corpus.text("logstore-course-completion.json").getBytes(StandardCharsets.UTF_8);

        IntakeResult.Accepted first = (IntakeResult.Accepted) intake(false).post("default", "k", XapiVersion.V1_0, completion);
        IntakeResult.Accepted resent = (IntakeResult.Accepted) intake(false).post("default", "k", XapiVersion.V1_0, completion);

        assertThat(first.newlyStored()).isEqualTo(first.ids());
        assertThat(resent.ids()).isEqualTo(first.ids());
        assertThat(resent.newlyStored()).isEmpty();
    }

    @Test
    void theSameContentTwiceInOneBatchIsOneStatement() {
        String one = Corpus.text("logstore-course-completion.json");
        byte[] batch = ("[" + one + "," + one + "]").getBytes(StandardCharsets.UTF_8);

        IntakeResult.Accepted accepted = (IntakeResult.Accepted) intake(false).post("default", "k", XapiVersion.V1_0, batch);

        assertThat(accepted.ids()).hasSize(2);
        assertThat(accepted.ids().get(0)).isEqualTo(accepted.ids().get(1));
        assertThat(store.count("default")).isEqualTo(1);
    }

    @Test
    void aBadgeAwardedBySystemIsKeptWithTheInstructorDroppedAndAWarning() {
        byte[] award = Corpus.text("logstore-badge-award-system.json").getBytes(StandardCharsets.UTF_8);

        IntakeResult result = intake(false).post("default", "k", XapiVersion.V1_0, award);

        assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
        IntakeResult.Accepted accepted = (IntakeResult.Accepted) result;
        assertThat(accepted.warnings()).singleElement().asString().contains("context.instructor", "System");
        var row = store.find("default", accepted.ids().get(0)).orElseThrow();
        assertThat(row.warnings()).contains("System");
        assertThat(row.rawJson()).doesNotContain("\"instructor\"").contains("/badges/badge.php");
    }

    @Test
    void aStrictReceiverRefusesTheSystemInstructor() {
        byte[] award = Corpus.text("logstore-badge-award-system.json").getBytes(StandardCharsets.UTF_8);

        IntakeResult result = intake(true).post("default", "k", XapiVersion.V1_0, award);

        assertThat(result).isInstanceOf(IntakeResult.Refused.class);
        assertThat(((IntakeResult.Refused) result).violations()).extracting(v -> v.path()).contains("$.context.instructor");
        assertThat(store.count("default")).isZero();
    }

    @Test
    void theRealShapesOfCourseAndModuleCompletionAreValid() {
        for (String file : List.of("logstore-course-completion.json", "logstore-module-completion.json")) {
            IntakeResult result = intake(true).post("default", "k", XapiVersion.V1_0, Corpus.text(file).getBytes(StandardCharsets.UTF_8));
            assertThat(result).as(file).isInstanceOf(IntakeResult.Accepted.class);
        }
    }
}
