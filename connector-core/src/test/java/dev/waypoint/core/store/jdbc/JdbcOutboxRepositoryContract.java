package dev.waypoint.core.store.jdbc;

import dev.waypoint.core.store.OutboxRepository;
import dev.waypoint.core.store.OutboxRepository.OutboxEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

abstract class JdbcOutboxRepositoryContract extends JdbcStoreContract {

    static final Duration LEASE = Duration.ofMinutes(5);

    OutboxRepository outbox;

    @BeforeEach
    void repository() {
        outbox = new JdbcOutboxRepository(jdbc, tx);
    }

    boolean enqueue(String key, String payload, Instant now) {
        return outbox.enqueue(DEFAULT, "ags", key, payload, "h-" + payload, now);
    }

    OutboxEntry only() {
        return outbox.list(null, 0, 10).stream().reduce((a, b) -> {
            throw new AssertionError("more than one outbox row");
        }).orElseThrow();
    }

    @Test
    void aNewWriteIsQueuedAndDueAtOnce() {
        assertThat(enqueue("readiness:ada:analyst-3", "55", T0)).isTrue();

        OutboxEntry entry = only();
        assertThat(entry.status()).isEqualTo("pending");
        assertThat(entry.payload()).isEqualTo("55");
        assertThat(entry.payloadHash()).isEqualTo("h-55");
        assertThat(entry.attempts()).isZero();
        assertThat(entry.nextAttemptAt()).isEqualTo(T0);
        assertThat(outbox.claimDue(T0, 10, LEASE)).extracting(OutboxEntry::id).containsExactly(entry.id());
    }

    @Test
    void theSameValueAlreadyPendingIsNotQueuedAgain() {
        enqueue("k", "55", T0);

        assertThat(enqueue("k", "55", T0.plusSeconds(10))).isFalse();

        assertThat(only().updatedAt()).isEqualTo(T0);
    }

    @Test
    void aNewerValueReplacesThePendingOne() {
        enqueue("k", "55", T0);

        assertThat(enqueue("k", "60", T0.plusSeconds(10))).isTrue();

        OutboxEntry entry = only();
        assertThat(entry.payload()).isEqualTo("60");
        assertThat(entry.payloadHash()).isEqualTo("h-60");
    }

    @Test
    void aValueEqualToTheLastDeliveredIsSkipped() {
        enqueue("k", "55", T0);
        OutboxEntry claimed = outbox.claimDue(T0, 10, LEASE).get(0);
        outbox.markDelivered(claimed.id(), T0.plusSeconds(1));

        assertThat(enqueue("k", "55", T0.plusSeconds(60))).isFalse();
        assertThat(only().status()).isEqualTo("delivered");

        assertThat(enqueue("k", "61", T0.plusSeconds(120))).isTrue();
        assertThat(only().status()).isEqualTo("pending");
        assertThat(only().payload()).isEqualTo("61");
    }

    @Test
    void keysAreSeparateWritesPerTenantTargetAndKey() {
        new JdbcTenantRepository(jdbc, tx).ensure("acme", "Acme");
        outbox.enqueue(DEFAULT, "ags", "k", "1", "h1", T0);
        outbox.enqueue(DEFAULT, "moodle-profile", "k", "1", "h1", T0);
        outbox.enqueue("acme", "ags", "k", "1", "h1", T0);

        assertThat(outbox.list("pending", 0, 10)).hasSize(3);
    }

    @Test
    void claimingTakesOnlyDueRowsOldestFirstUpToTheLimit() {
        enqueue("later", "1", T0.plusSeconds(30));
        enqueue("first", "1", T0);
        enqueue("second", "1", T0.plusSeconds(10));
        enqueue("future", "1", T0.plusSeconds(3600));

        List<OutboxEntry> claimed = outbox.claimDue(T0.plusSeconds(60), 2, LEASE);

        assertThat(claimed).extracting(OutboxEntry::writeKey).containsExactly("first", "second");
        assertThat(outbox.claimDue(T0.plusSeconds(60), 10, LEASE)).extracting(OutboxEntry::writeKey).containsExactly("later");
    }

    @Test
    void aLeasedRowIsNotClaimedAgain() {
        enqueue("k", "55", T0);
        outbox.claimDue(T0, 10, LEASE);

        assertThat(outbox.claimDue(T0.plusSeconds(60), 10, LEASE)).isEmpty();
    }

    @Test
    void aCrashedWorkersRowsComeBackWhenTheLeaseRunsOut() {
        enqueue("k", "55", T0);
        outbox.claimDue(T0, 10, LEASE);

        assertThat(outbox.claimDue(T0.plus(LEASE).plusSeconds(1), 10, LEASE)).extracting(OutboxEntry::writeKey)
                .containsExactly("k");
    }

    @Test
    void aFailedWriteIsRetriedAtItsNextAttempt() {
        enqueue("k", "55", T0);
        long id = outbox.claimDue(T0, 10, LEASE).get(0).id();

        outbox.markFailed(id, "HTTP 503", T0.plusSeconds(120), false);

        OutboxEntry entry = outbox.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo("pending");
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.lastError()).isEqualTo("HTTP 503");
        assertThat(entry.nextAttemptAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(outbox.claimDue(T0.plusSeconds(60), 10, LEASE)).isEmpty();
        assertThat(outbox.claimDue(T0.plusSeconds(121), 10, LEASE)).extracting(OutboxEntry::id).containsExactly(id);
    }

    @Test
    void givingUpParksTheRowUntilANewValueArrives() {
        enqueue("k", "55", T0);
        long id = outbox.claimDue(T0, 10, LEASE).get(0).id();

        outbox.markFailed(id, "HTTP 400 line item gone", null, true);

        assertThat(outbox.find(id)).map(OutboxEntry::status).contains("parked");
        assertThat(outbox.claimDue(T0.plusSeconds(3600), 10, LEASE)).isEmpty();
        assertThat(enqueue("k", "55", T0.plusSeconds(3600))).isFalse();
        assertThat(enqueue("k", "56", T0.plusSeconds(3600))).isTrue();
        OutboxEntry revived = outbox.find(id).orElseThrow();
        assertThat(revived.status()).isEqualTo("pending");
        assertThat(revived.attempts()).isZero();
        assertThat(revived.lastError()).isNull();
    }

    @Test
    void anAdminCanPutAParkedRowBackInLine() {
        enqueue("k", "55", T0);
        long id = outbox.claimDue(T0, 10, LEASE).get(0).id();
        outbox.markFailed(id, "HTTP 400 line item gone", null, true);

        assertThat(outbox.requeue(id, T0.plusSeconds(60))).isTrue();

        OutboxEntry requeued = outbox.find(id).orElseThrow();
        assertThat(requeued.status()).isEqualTo("pending");
        assertThat(requeued.attempts()).isZero();
        assertThat(requeued.payload()).isEqualTo("55");
        assertThat(outbox.claimDue(T0.plusSeconds(60), 10, LEASE)).extracting(OutboxEntry::id).containsExactly(id);
        assertThat(outbox.requeue(id, T0.plusSeconds(61))).as("only parked rows").isFalse();
    }

    @Test
    void aDeliveredRowIsNotClaimedAgain() {
        enqueue("k", "55", T0);
        long id = outbox.claimDue(T0, 10, LEASE).get(0).id();

        outbox.markDelivered(id, T0.plusSeconds(1));

        assertThat(outbox.find(id)).map(OutboxEntry::status).contains("delivered");
        assertThat(outbox.claimDue(T0.plus(LEASE).plusSeconds(60), 10, LEASE)).isEmpty();
        assertThat(outbox.list("delivered", 0, 10)).extracting(OutboxEntry::id).containsExactly(id);
    }

    @Test
    void aValueReplacedDuringDeliveryGoesOutAfterTheOlderOne() {
        enqueue("k", "55", T0);
        long id = outbox.claimDue(T0, 10, LEASE).get(0).id();

        assertThat(enqueue("k", "60", T0.plusSeconds(1))).isTrue();
        assertThat(outbox.claimDue(T0.plusSeconds(2), 10, LEASE)).as("not while the older write is in flight").isEmpty();
        outbox.markDelivered(id, T0.plusSeconds(3));

        assertThat(outbox.find(id)).map(OutboxEntry::status).contains("pending");
        assertThat(outbox.claimDue(T0.plusSeconds(4), 10, LEASE)).extracting(OutboxEntry::payload).containsExactly("60");
        outbox.markDelivered(id, T0.plusSeconds(5));
        assertThat(outbox.find(id)).map(OutboxEntry::status).contains("delivered");
        assertThat(enqueue("k", "60", T0.plusSeconds(6))).isFalse();
    }

    @Test
    void aFailureOfAReplacedValueDoesNotParkTheNewerOne() {
        enqueue("k", "55", T0);
        long id = outbox.claimDue(T0, 10, LEASE).get(0).id();
        enqueue("k", "60", T0.plusSeconds(1));

        outbox.markFailed(id, "HTTP 400", null, true);

        OutboxEntry entry = outbox.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo("pending");
        assertThat(entry.payload()).isEqualTo("60");
        assertThat(outbox.claimDue(T0.plusSeconds(2), 10, LEASE)).extracting(OutboxEntry::id).containsExactly(id);
    }

    @Test
    void settlingAnUnknownRowFails() {
        assertThatThrownBy(() -> outbox.markDelivered(999, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentWorkersNeverClaimTheSameRow() throws Exception {
        for (int i = 0; i < 40; i++) {
            enqueue("k" + i, "1", T0);
        }

        List<List<OutboxEntry>> claims = Race.run(4, () -> outbox.claimDue(T0.plusSeconds(1), 15, LEASE));

        List<Long> ids = new ArrayList<>();
        claims.forEach(c -> c.forEach(e -> ids.add(e.id())));
        Set<Long> distinct = new HashSet<>(ids);
        assertThat(distinct).hasSameSizeAs(ids);
        // PostgreSQL skips rows another worker holds, so four workers share the forty rows; H2 ignores
        // SKIP LOCKED and the waiting workers come back empty. Either way no row is handed out twice.
        assertThat(ids).hasSizeGreaterThanOrEqualTo(15);
    }
}
