package dev.waypoint.core.writeback;

import com.zaxxer.hikari.HikariDataSource;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.readiness.Band;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.store.OutboxRepository.OutboxEntry;
import dev.waypoint.core.store.jdbc.H2TestDatabase;
import dev.waypoint.core.store.jdbc.JdbcOutboxRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox keeps every write until the LMS accepts it, retrying with backoff, over the real JDBC outbox. */
class WriteBackDispatcherTest {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    private static final Person ALICE = new Person("p-alice", "default", "Alice", "analytics.analyst", List.of(), 3, T0);

    private HikariDataSource database;
    private JdbcOutboxRepository outbox;
    private final MutableClock clock = new MutableClock(T0);
    private final ScriptedLms lms = new ScriptedLms();
    private WriteBackDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        database = H2TestDatabase.openMigrated();
        outbox = new JdbcOutboxRepository(JdbcClient.create(database), new DataSourceTransactionManager(database));
        dispatcher = new WriteBackDispatcher(outbox, List.of(lms),
                new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(10), 3), clock, Duration.ofMinutes(2));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void aChangedReadinessIsQueuedOnceAndDelivered() {
        assertThat(dispatcher.enqueue(ALICE, readiness(42))).isEqualTo(1);
        assertThat(dispatcher.enqueue(ALICE, readiness(42))).as("the same value again").isZero();

        assertThat(dispatcher.deliverDue(10)).isEqualTo(1);

        assertThat(lms.delivered).containsExactly("score=42");
        assertThat(outbox.list("delivered", 0, 10)).hasSize(1);
        assertThat(dispatcher.enqueue(ALICE, readiness(42))).as("already delivered").isZero();
    }

    @Test
    void aFailedWriteStaysPendingAndIsRetriedAfterTheBackoff() {
        dispatcher.enqueue(ALICE, readiness(42));
        lms.failuresToCome = 1;

        assertThat(dispatcher.deliverDue(10)).isZero();
        OutboxEntry pending = outbox.list("pending", 0, 10).get(0);
        assertThat(pending.attempts()).isEqualTo(1);
        assertThat(pending.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(pending.lastError()).contains("LMS answered 503");

        clock.advance(Duration.ofSeconds(29));
        assertThat(dispatcher.deliverDue(10)).as("not due yet").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.deliverDue(10)).isEqualTo(1);
        assertThat(lms.delivered).containsExactly("score=42");
    }

    @Test
    void aWriteTheLmsRefusesForGoodIsParkedNotDropped() {
        dispatcher.enqueue(ALICE, readiness(42));
        lms.refuseForGood = true;

        dispatcher.deliverDue(10);

        assertThat(outbox.list("parked", 0, 10)).singleElement()
                .satisfies(entry -> assertThat(entry.lastError()).contains("line item is gone"));
        assertThat(outbox.list("pending", 0, 10)).isEmpty();
    }

    @Test
    void retriesStopAfterTheLastAttemptAndTheRowIsKept() {
        dispatcher.enqueue(ALICE, readiness(42));
        lms.failuresToCome = 10;

        for (int attempt = 0; attempt < 3; attempt++) {
            dispatcher.deliverDue(10);
            clock.advance(Duration.ofHours(1));
        }

        assertThat(outbox.list("parked", 0, 10)).singleElement()
                .satisfies(entry -> assertThat(entry.attempts()).isEqualTo(3));
    }

    @Test
    void aNewerValueReplacesAPendingOne() {
        dispatcher.enqueue(ALICE, readiness(42));
        dispatcher.enqueue(ALICE, readiness(55));

        dispatcher.deliverDue(10);

        assertThat(lms.delivered).containsExactly("score=55");
    }

    private static Readiness readiness(int score) {
        return new Readiness("p-alice", "analytics.senior-analyst", score, score, Band.DEVELOPING, List.of(), List.of(),
                T0, "t1");
    }

    /** An LMS that fails on cue. */
    private static final class ScriptedLms implements WriteBack {
        final List<String> delivered = new ArrayList<>();
        int failuresToCome;
        boolean refuseForGood;

        @Override
        public String target() {
            return "test.score";
        }

        @Override
        public List<PlannedWrite> plan(Person person, Readiness readiness) {
            return List.of(new PlannedWrite(person.tenantId(), person.id() + "/" + readiness.roleId(),
                    "score=" + readiness.score()));
        }

        @Override
        public void deliver(OutboxEntry entry) throws WriteBackFailure {
            if (refuseForGood) {
                throw new WriteBackFailure("LMS answered 404: line item is gone", false);
            }
            if (failuresToCome > 0) {
                failuresToCome--;
                throw new WriteBackFailure("LMS answered 503", true);
            }
            delivered.add(entry.payload());
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
