package dev.waypoint.core.store.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.readiness.Band;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.readiness.Readiness.EvidenceContribution;
import dev.waypoint.core.readiness.Readiness.SkillScore;
import dev.waypoint.core.store.ReadinessRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

abstract class JdbcReadinessRepositoryContract extends JdbcStoreContract {

    ReadinessRepository readiness;
    String ada;

    @BeforeEach
    void repository() {
        readiness = new JdbcReadinessRepository(jdbc, tx, new ObjectMapper());
        ada = newPerson(DEFAULT, "ada@example.org");
    }

    Readiness score(String roleId, int score, double sqlScore, Instant asOf) {
        SkillScore sql = new SkillScore("sql", 3, 2.0, true, sqlScore, 1.0, List.of(
                new EvidenceContribution("e-1", "assessment", 3, T0.minusSeconds(86_400), 1.0, 0.97, 1.0, 0.97)));
        SkillScore etl = new SkillScore("etl", 2, 1.0, false, 0.3, 0.5, List.of());
        return new Readiness(ada, roleId, score, score + 10, Band.DEVELOPING, List.of("sql"), List.of(sql, etl), asOf, "2025.1");
    }

    @Test
    void aFirstScoreBecomesCurrentAndHistory() {
        assertThat(readiness.save(score("analyst-3", 55, 0.4, T0))).isTrue();

        assertThat(readiness.find(ada, "analyst-3")).isPresent();
        assertThat(rows("SELECT COUNT(*) FROM readiness_history")).isEqualTo(1);
    }

    @Test
    void readsBackTheWholeBreakdown() {
        Readiness saved = score("analyst-3", 55, 0.4, T0);

        readiness.save(saved);

        assertThat(readiness.find(ada, "analyst-3")).contains(saved);
    }

    @Test
    void storesTheBreakdownAsJsonWithIsoTimestamps() {
        readiness.save(score("analyst-3", 55, 0.4, T0));

        String breakdown = jdbc.sql("SELECT breakdown FROM readiness_current").query(String.class).single();
        assertThat(breakdown).contains("\"occurredAt\":\"2025-02-28T09:00:00Z\"").contains("\"skillId\":\"sql\"");
    }

    @Test
    void anUnchangedScoreWritesNothing() {
        readiness.save(score("analyst-3", 55, 0.4, T0));

        boolean written = readiness.save(score("analyst-3", 55, 0.4, T0.plusSeconds(3600)));

        assertThat(written).isFalse();
        assertThat(readiness.find(ada, "analyst-3")).map(Readiness::asOf).contains(T0);
        assertThat(rows("SELECT COUNT(*) FROM readiness_history")).isEqualTo(1);
    }

    @Test
    void aChangedBreakdownReplacesTheCurrentScoreAndAppendsHistory() {
        readiness.save(score("analyst-3", 55, 0.4, T0));

        boolean written = readiness.save(score("analyst-3", 55, 0.45, T0.plusSeconds(3600)));

        assertThat(written).isTrue();
        assertThat(readiness.find(ada, "analyst-3")).map(r -> r.skills().get(0).score()).contains(0.45);
        assertThat(rows("SELECT COUNT(*) FROM readiness_history")).isEqualTo(2);
        assertThat(rows("SELECT COUNT(*) FROM readiness_current")).isEqualTo(1);
    }

    @Test
    void listsTheCurrentScoreOfEveryRole() {
        readiness.save(score("analyst-3", 55, 0.4, T0));
        readiness.save(score("engineer-1", 70, 0.6, T0));
        readiness.save(score("engineer-1", 72, 0.6, T0.plusSeconds(60)));

        assertThat(readiness.forPerson(ada)).extracting(Readiness::roleId, Readiness::score)
                .containsExactly(tuple("analyst-3", 55),
                        tuple("engineer-1", 72));
        assertThat(readiness.find(ada, "pilot")).isEmpty();
    }
}
