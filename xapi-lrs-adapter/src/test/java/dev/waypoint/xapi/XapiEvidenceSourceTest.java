package dev.waypoint.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.engine.IngestOutcome;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.ingest.EvidenceSink;
import dev.waypoint.core.store.DeadLetterRepository;
import dev.waypoint.xapi.statement.XapiVersion;
import dev.waypoint.xapi.store.JdbcStatementStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-off from stored statements to the evidence pipeline: what maps is offered once settled, what
 * does not map is left alone or dead-lettered, and what failed on the way is found again by the sweep.
 */
class XapiEvidenceSourceTest {

    private final TestDatabase db = new TestDatabase();
    private final JdbcStatementStore store = new JdbcStatementStore(db.jdbc, db.tx);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
    private final XapiProperties properties = new XapiProperties(false, 0, List.of("https://moodle.example.com"), null, null, null, null);
    private final StatementIntake intake = new StatementIntake(new ObjectMapper(), store, properties, clock);
    private final RecordingSink sink = new RecordingSink();
    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();
    private final XapiEvidenceSource source = new XapiEvidenceSource(store, new XapiMapper(properties), sink, deadLetters,
            new ObjectMapper(), clock);

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    @Test
    void aCompletionIsOfferedAndMarkedMapped() {
        List<String> ids = post(Corpus.text("logstore-course-completion.json"));

        assertThat(source.offer("default", ids)).isEqualTo(1);

        assertThat(sink.signals).singleElement().satisfies(s -> assertThat(s.objectRef()).isEqualTo("moodle:course:SQLF101"));
        clock.advance(Duration.ofMinutes(5));
        assertThat(source.sweep(Duration.ofSeconds(10), 100)).isZero();
    }

    @Test
    void whatTheSinkCouldNotTakeStaysUnmappedAndTheSweepOffersItAgain() {
        sink.failing = true;
        List<String> ids = post(Corpus.text("logstore-course-completion.json"));

        assertThat(source.offer("default", ids)).isZero();
        sink.failing = false;
        assertThat(source.sweep(Duration.ofSeconds(10), 100)).as("not yet past the grace").isZero();
        clock.advance(Duration.ofSeconds(11));

        assertThat(source.sweep(Duration.ofSeconds(10), 100)).isEqualTo(1);
        assertThat(sink.signals).hasSize(1);
    }

    @Test
    void aStatementThatKeepsFailingBecomesADeadLetterAtTheLastAttempt() {
        sink.failing = true;
        List<String> ids = post(Corpus.text("logstore-course-completion.json"));
        source.offer("default", ids);
        for (int attempt = 2; attempt < XapiEvidenceSource.MAPPING_ATTEMPTS; attempt++) {
            clock.advance(Duration.ofSeconds(30));
            assertThat(source.sweep(Duration.ofSeconds(10), 100)).as("attempt " + attempt).isZero();
        }
        assertThat(deadLetters.letters).isEmpty();

        clock.advance(Duration.ofSeconds(30));
        assertThat(source.sweep(Duration.ofSeconds(10), 100)).as("set aside at the last attempt").isEqualTo(1);

        assertThat(deadLetters.letters).singleElement().asString()
                .contains(XapiEvidenceSource.DEAD_LETTER_TYPE, "after 10 attempts", "database unavailable");
        sink.failing = false;
        clock.advance(Duration.ofSeconds(30));
        assertThat(source.sweep(Duration.ofSeconds(10), 100)).as("no longer swept: the dead letter is its replay").isZero();
        assertThat(sink.signals).isEmpty();
    }

    @Test
    void aStatementThatKeepsFailingDoesNotHoldBackNewerOnes() {
        sink.failingObject = "moodle:course:SQLF101";
        post(Corpus.text("logstore-course-completion.json"));
        clock.advance(Duration.ofSeconds(1));
        post(Corpus.text("logstore-module-completion.json"));
        clock.advance(Duration.ofSeconds(11));

        assertThat(source.sweep(Duration.ofSeconds(10), 1)).as("the older one, which fails").isZero();
        assertThat(source.sweep(Duration.ofSeconds(10), 1)).as("then the newer one, not the failing one again").isEqualTo(1);

        assertThat(sink.signals).singleElement().satisfies(s -> assertThat(s.objectRef()).isNotEqualTo("moodle:course:SQLF101"));
    }

    @Test
    void aHarmlessVerbYieldsNothingAndIsNotADeadLetter() {
        List<String> ids = post(Corpus.text("logstore-batch-30.json"));

        assertThat(source.offer("default", ids)).isEqualTo(30);

        assertThat(sink.signals).isEmpty();
        assertThat(deadLetters.letters).isEmpty();
    }

    @Test
    void aVerbThatShouldMapButCannotIsADeadLetter() {
        List<String> ids = post("""
                {"actor":{"mbox":"mailto:a@example.com"},"verb":{"id":"http://adlnet.gov/expapi/verbs/passed"},
                 "object":{"id":"https://learn.example.com/exam"}}""");

        source.offer("default", ids);

        assertThat(sink.signals).isEmpty();
        assertThat(deadLetters.letters).singleElement().asString().contains("result.score.scaled");
    }

    @Test
    void voidingRevokesTheEvidenceOfTheVoidedStatementInItsActorsName() {
        String completion = post(Corpus.text("logstore-course-completion.json")).get(0);
        List<String> voiding = post("""
                {"actor":{"mbox":"mailto:admin@example.com"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                 "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(completion));

        source.offer("default", voiding);

        LearningSignal revocation = sink.signals.get(0);
        assertThat(revocation.kind()).isEqualTo(EvidenceKind.REVOCATION);
        assertThat(revocation.revokes()).isEqualTo("xapi:" + completion);
        assertThat(revocation.identities().toString()).contains("moodle_user_id");
    }

    @Test
    void aVoidedStatementNotYetHandedOnNeverCounts() {
        String completion = post(Corpus.text("logstore-course-completion.json")).get(0);
        post("""
                {"actor":{"mbox":"mailto:admin@example.com"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                 "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(completion));

        source.offer("default", List.of(completion));

        assertThat(sink.signals).isEmpty();
    }

    @Test
    void uncompletedRevokesTheActorsLatestCompletionOfTheObject() {
        String completion = post(Corpus.text("logstore-module-completion.json")).get(0);
        String uncompleted = Corpus.text("logstore-module-completion.json")
                .replace("http://adlnet.gov/expapi/verbs/completed", "http://adlnet.gov/expapi/verbs/uncompleted");

        source.offer("default", post(uncompleted));

        assertThat(sink.signals).singleElement().satisfies(s -> assertThat(s.revokes()).isEqualTo("xapi:" + completion));
    }

    private List<String> post(String body) {
        IntakeResult result = intake.post("default", "k", XapiVersion.V1_0, body.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
        return ((IntakeResult.Accepted) result).ids();
    }

    static final class RecordingSink implements EvidenceSink {
        final List<LearningSignal> signals = new ArrayList<>();
        boolean failing;
        String failingObject;

        @Override
        public IngestOutcome accept(LearningSignal signal) {
            if (failing || failingObject != null && failingObject.equals(signal.objectRef())) {
                throw new IllegalStateException("database unavailable");
            }
            signals.add(signal);
            return IngestOutcome.of(null, true, null, false);
        }
    }

    static final class RecordingDeadLetters implements DeadLetterRepository {
        final List<String> letters = new ArrayList<>();

        @Override
        public long record(String tenantId, String source, String payloadType, String payload, String error) {
            letters.add(source + "/" + payloadType + ": " + error);
            return letters.size();
        }

        @Override
        public Optional<DeadLetter> find(long id) {
            return Optional.empty();
        }

        @Override
        public List<DeadLetter> list(String status, int offset, int limit) {
            return List.of();
        }

        @Override
        public void markReplayed(long id, Instant at) {
        }

        @Override
        public void markReplayFailed(long id, String error, Instant at) {
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
