package dev.waypoint.core.store.jdbc;

import dev.waypoint.core.evidence.Evidence;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.store.EvidenceRepository;
import dev.waypoint.core.store.TenantRepository;
import dev.waypoint.core.taxonomy.SkillGrant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

abstract class JdbcEvidenceRepositoryContract extends JdbcStoreContract {

    EvidenceRepository evidence;
    String ada;

    @BeforeEach
    void repository() {
        evidence = new JdbcEvidenceRepository(jdbc, tx);
        ada = newPerson(DEFAULT, "ada@example.org");
    }

    @Test
    void storesTheSameFactOnce() {
        Evidence fact = evidence(DEFAULT, ada, "c-1", T0, new SkillGrant("sql", 2), new SkillGrant("etl", 1));

        assertThat(evidence.insertIfAbsent(fact)).isTrue();
        assertThat(evidence.insertIfAbsent(fact)).isFalse();

        assertThat(evidence.count(DEFAULT)).isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM evidence_grant")).isEqualTo(2);
        assertThat(evidence.forPerson(ada)).singleElement().extracting(Evidence::grants)
                .isEqualTo(List.of(new SkillGrant("sql", 2), new SkillGrant("etl", 1)));
    }

    @Test
    void readsBackEveryFieldAsStored() {
        Evidence fact = new Evidence("7b0c6f57-3f5e-4c38-9d0e-2f3f4f9b1a11", DEFAULT, ada, EvidenceKind.ASSESSMENT,
                List.of(new SkillGrant("sql", 3)), T0, "xapi", "stmt-9", "xapi:stmt-9", "moodle:quiz:77", 0.875,
                null, "{\"result\":{\"score\":{\"scaled\":0.875}}}", T0.plusSeconds(5));

        evidence.insertIfAbsent(fact);

        assertThat(evidence.findByNaturalKey(DEFAULT, "xapi:stmt-9")).contains(fact);
    }

    @Test
    void givesEvidenceWithoutAnIdAUuid() {
        evidence.insertIfAbsent(evidence(DEFAULT, ada, "c-1", T0));

        Evidence stored = evidence.findByNaturalKey(DEFAULT, "moodle:c-1").orElseThrow();
        assertThat(stored.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(stored.recordedAt()).isNotNull();
    }

    @Test
    void keepsARevocationWithWhatItRevokes() {
        Evidence revocation = new Evidence(null, DEFAULT, ada, EvidenceKind.REVOCATION, List.of(), T0.plusSeconds(60),
                "moodle", "revoke-c-1", "moodle:revoke-c-1", null, null, "moodle:c-1", null, null);

        evidence.insertIfAbsent(revocation);

        Evidence stored = evidence.findByNaturalKey(DEFAULT, "moodle:revoke-c-1").orElseThrow();
        assertThat(stored.isRevocation()).isTrue();
        assertThat(stored.revokes()).isEqualTo("moodle:c-1");
        assertThat(stored.grants()).isEmpty();
    }

    @Test
    void listsAPersonsEvidenceOldestFirst() {
        evidence.insertIfAbsent(evidence(DEFAULT, ada, "late", T0.plusSeconds(3600)));
        evidence.insertIfAbsent(evidence(DEFAULT, ada, "early", T0));
        evidence.insertIfAbsent(evidence(DEFAULT, newPerson(DEFAULT, "bob@example.org"), "other", T0));

        assertThat(evidence.forPerson(ada)).extracting(Evidence::externalId).containsExactly("early", "late");
    }

    @Test
    void fetchesEvidenceOfSeveralPeopleAtOnce() {
        String bob = newPerson(DEFAULT, "bob@example.org");
        String eve = newPerson(DEFAULT, "eve@example.org");
        evidence.insertIfAbsent(evidence(DEFAULT, ada, "a-1", T0, new SkillGrant("sql", 2)));
        evidence.insertIfAbsent(evidence(DEFAULT, ada, "a-2", T0.plusSeconds(1), new SkillGrant("etl", 1)));
        evidence.insertIfAbsent(evidence(DEFAULT, bob, "b-1", T0, new SkillGrant("sql", 4)));

        Map<String, List<Evidence>> byPerson = evidence.forPeople(List.of(ada, bob, eve));

        assertThat(byPerson).containsOnlyKeys(ada, bob);
        assertThat(byPerson.get(ada)).extracting(Evidence::externalId).containsExactly("a-1", "a-2");
        assertThat(byPerson.get(ada).get(1).grants()).containsExactly(new SkillGrant("etl", 1));
        assertThat(byPerson.get(bob)).singleElement().extracting(Evidence::grants)
                .isEqualTo(List.of(new SkillGrant("sql", 4)));
    }

    @Test
    void theSameNaturalKeyInAnotherTenantIsAnotherFact() {
        new JdbcTenantRepository(jdbc, tx).ensure("acme", "Acme");
        String adaAtAcme = newPerson("acme", "ada@example.org");

        assertThat(evidence.insertIfAbsent(evidence(DEFAULT, ada, "c-1", T0))).isTrue();
        assertThat(evidence.insertIfAbsent(evidence("acme", adaAtAcme, "c-1", T0))).isTrue();

        assertThat(evidence.count(DEFAULT)).isEqualTo(1);
        assertThat(evidence.count("acme")).isEqualTo(1);
        assertThat(evidence.findByNaturalKey("acme", "moodle:c-1")).map(Evidence::personId).contains(adaAtAcme);
        assertThat(evidence.count(TenantRepository.DEFAULT_TENANT)).isEqualTo(1);
    }

    @Test
    void refusesEvidenceThatPutsOneTenantsFactOnAnotherTenantsPerson() {
        new JdbcTenantRepository(jdbc, tx).ensure("acme", "Acme");

        assertThatThrownBy(() -> evidence.insertIfAbsent(evidence("acme", ada, "c-1", T0, new SkillGrant("sql", 1))))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(evidence.count("acme")).isZero();
        assertThat(rows("SELECT COUNT(*) FROM evidence_grant")).isZero();
    }

    @Test
    void aReplayLeavesTheSurroundingTransactionUsable() {
        Evidence fact = evidence(DEFAULT, ada, "c-1", T0);
        evidence.insertIfAbsent(fact);

        new TransactionTemplate(tx).executeWithoutResult(status -> {
            assertThat(evidence.insertIfAbsent(fact)).isFalse();
            assertThat(evidence.insertIfAbsent(evidence(DEFAULT, ada, "c-2", T0))).isTrue();
        });

        assertThat(evidence.count(DEFAULT)).isEqualTo(2);
    }

    @Test
    void refusesAnIdAlreadyUsedByAnotherFact() {
        Evidence first = new Evidence("11111111-1111-1111-1111-111111111111", DEFAULT, ada, EvidenceKind.BADGE,
                List.of(), T0, "moodle", "b-1", "moodle:b-1", null, null, null, null, null);
        Evidence clash = new Evidence(first.id(), DEFAULT, ada, EvidenceKind.BADGE,
                List.of(), T0, "moodle", "b-2", "moodle:b-2", null, null, null, null, null);
        evidence.insertIfAbsent(first);

        assertThatThrownBy(() -> evidence.insertIfAbsent(clash)).isInstanceOf(IllegalArgumentException.class);
        assertThat(evidence.findByNaturalKey(DEFAULT, "moodle:b-2")).isEmpty();
    }

    @Test
    void eightThreadsStoringTheSameFactStoreOneRow() throws Exception {
        Evidence fact = evidence(DEFAULT, ada, "c-1", T0, new SkillGrant("sql", 2), new SkillGrant("etl", 1));

        List<Boolean> stored = Race.run(8, () -> evidence.insertIfAbsent(fact));

        assertThat(stored).containsOnlyOnce(true);
        assertThat(evidence.count(DEFAULT)).isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM evidence_grant")).isEqualTo(2);
    }
}
