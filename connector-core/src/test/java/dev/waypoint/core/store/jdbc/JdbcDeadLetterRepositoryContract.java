package dev.waypoint.core.store.jdbc;

import dev.waypoint.core.store.DeadLetterRepository;
import dev.waypoint.core.store.DeadLetterRepository.DeadLetter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

abstract class JdbcDeadLetterRepositoryContract extends JdbcStoreContract {

    DeadLetterRepository letters;

    @BeforeEach
    void repository() {
        letters = new JdbcDeadLetterRepository(jdbc, tx);
    }

    @Test
    void recordsAnOpenLetterWithItsPayloadAndError() {
        long id = letters.record(DEFAULT, "xapi", "statement", "{\"verb\":\"completed\"}", "no asset for moodle:course:X");

        DeadLetter letter = letters.find(id).orElseThrow();
        assertThat(letter.tenantId()).isEqualTo(DEFAULT);
        assertThat(letter.source()).isEqualTo("xapi");
        assertThat(letter.payloadType()).isEqualTo("statement");
        assertThat(letter.payload()).isEqualTo("{\"verb\":\"completed\"}");
        assertThat(letter.error()).isEqualTo("no asset for moodle:course:X");
        assertThat(letter.status()).isEqualTo("open");
        assertThat(letter.replayAttempts()).isZero();
        assertThat(letter.createdAt()).isNotNull().isEqualTo(letter.updatedAt());
    }

    @Test
    void keepsALetterWhoseTenantIsUnknownOrMissing() {
        long unknown = letters.record("no-such-tenant", "canvas", "live-event", "{}", "bad signature");
        long missing = letters.record(null, "canvas", "live-event", "{}", "no tenant");

        assertThat(letters.find(unknown)).map(DeadLetter::tenantId).contains("no-such-tenant");
        assertThat(letters.find(missing)).map(DeadLetter::tenantId).isEmpty();
        assertThat(letters.find(missing)).isPresent();
    }

    @Test
    void listsLettersOfAStatusNewestFirstPageByPage() {
        long first = letters.record(DEFAULT, "xapi", "statement", "1", "e");
        long second = letters.record(DEFAULT, "xapi", "statement", "2", "e");
        long third = letters.record(DEFAULT, "xapi", "statement", "3", "e");
        letters.markReplayed(second, T0);

        assertThat(letters.list("open", 0, 10)).extracting(DeadLetter::id).containsExactly(third, first);
        assertThat(letters.list("open", 1, 1)).extracting(DeadLetter::id).containsExactly(first);
        assertThat(letters.list("replayed", 0, 10)).extracting(DeadLetter::id).containsExactly(second);
        assertThat(letters.list(null, 0, 10)).hasSize(3);
    }

    @Test
    void aSuccessfulReplayMarksTheLetterReplayed() {
        long id = letters.record(DEFAULT, "xapi", "statement", "{}", "missing mapping");

        letters.markReplayed(id, T0);

        DeadLetter letter = letters.find(id).orElseThrow();
        assertThat(letter.status()).isEqualTo("replayed");
        assertThat(letter.replayAttempts()).isEqualTo(1);
        assertThat(letter.updatedAt()).isEqualTo(T0);
        assertThat(letter.error()).isEqualTo("missing mapping");
    }

    @Test
    void aFailedReplayKeepsTheLetterOpenWithTheNewError() {
        long id = letters.record(DEFAULT, "xapi", "statement", "{}", "missing mapping");

        letters.markReplayFailed(id, "still missing", T0);
        letters.markReplayFailed(id, "still missing again", T0.plusSeconds(60));

        DeadLetter letter = letters.find(id).orElseThrow();
        assertThat(letter.status()).isEqualTo("open");
        assertThat(letter.replayAttempts()).isEqualTo(2);
        assertThat(letter.error()).isEqualTo("still missing again");
        assertThat(letter.updatedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void markingAnUnknownLetterFails() {
        assertThatThrownBy(() -> letters.markReplayed(4242, T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
