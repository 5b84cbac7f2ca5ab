package dev.waypoint.core.store.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.evidence.Evidence;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.readiness.Band;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.core.store.PersonRepository.Resolution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.waypoint.core.identity.IdentityKind.CANVAS_USER_ID;
import static dev.waypoint.core.identity.IdentityKind.EMAIL;
import static dev.waypoint.core.identity.IdentityKind.HR_EMPLOYEE_ID;
import static dev.waypoint.core.identity.IdentityKind.MOODLE_USER_ID;
import static dev.waypoint.core.identity.IdentityKind.XAPI_MBOX_SHA1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

abstract class JdbcPersonRepositoryContract extends JdbcStoreContract {

    static final IdentityRef ADA_MAIL = IdentityRef.of(EMAIL, "Ada@Example.org");
    static final IdentityRef ADA_MOODLE = IdentityRef.of(MOODLE_USER_ID, "42");
    static final IdentityRef ADA_HR = IdentityRef.of(HR_EMPLOYEE_ID, "E-1001");
    static final IdentityRef ADA_MBOX = IdentityRef.of(XAPI_MBOX_SHA1, "ab12cd34");

    PersonRepository people;
    JdbcEvidenceRepository evidence;

    @BeforeEach
    void repository() {
        people = new JdbcPersonRepository(jdbc, tx);
        evidence = new JdbcEvidenceRepository(jdbc, tx);
        new JdbcTenantRepository(jdbc, tx).ensure("acme", "Acme");
    }

    @Test
    void unknownIdentitiesCreateAPersonHoldingAllOfThem() {
        Resolution resolution = people.resolve(DEFAULT, List.of(ADA_MAIL, ADA_MOODLE), "Ada Lovelace");

        Person ada = resolution.person();
        assertThat(resolution.created()).isTrue();
        assertThat(resolution.mergedPersonIds()).isEmpty();
        assertThat(ada.id()).matches("[0-9a-f-]{36}");
        assertThat(ada.displayName()).isEqualTo("Ada Lovelace");
        assertThat(ada.weeklyLearningHours()).isEqualTo(Person.DEFAULT_WEEKLY_HOURS);
        assertThat(ada.targetRoleIds()).isEmpty();
        assertThat(people.identities(ada.id())).containsExactly(ADA_MOODLE, ADA_MAIL);
        assertThat(people.findByIdentity(DEFAULT, IdentityRef.of(EMAIL, "ada@example.org"))).contains(ada);
    }

    @Test
    void theHolderOfAnIdentityComesWithTheirNameAndEveryIdentityInTheirTenantOnly() {
        Person ada = people.resolve(DEFAULT, List.of(ADA_MAIL, ADA_MOODLE), "Ada Lovelace").person();
        people.resolve("acme", List.of(ADA_MAIL, ADA_HR), "Ada at Acme");

        PersonRepository.Holder holder = people.holder(DEFAULT, IdentityRef.of(EMAIL, "ada@example.org")).orElseThrow();

        assertThat(holder.personId()).isEqualTo(ada.id());
        assertThat(holder.displayName()).isEqualTo("Ada Lovelace");
        assertThat(holder.identities()).containsExactlyInAnyOrder(ADA_MAIL, ADA_MOODLE);
        assertThat(people.holder(DEFAULT, ADA_HR)).isEmpty();
    }

    @Test
    void aKnownIdentityResolvesToTheSamePerson() {
        Person first = people.resolve(DEFAULT, List.of(ADA_MAIL), "Ada").person();

        Resolution again = people.resolve(DEFAULT, List.of(ADA_MAIL), "Someone Else");

        assertThat(again.created()).isFalse();
        assertThat(again.person()).isEqualTo(first);
        assertThat(people.count(DEFAULT)).isEqualTo(1);
    }

    @Test
    void aNewIdentityArrivingWithAKnownOneIsLinkedToThatPerson() {
        Person ada = people.resolve(DEFAULT, List.of(ADA_MAIL), null).person();

        Resolution resolution = people.resolve(DEFAULT, List.of(ADA_MAIL, ADA_MOODLE), "Ada");

        assertThat(resolution.person().id()).isEqualTo(ada.id());
        assertThat(resolution.created()).isFalse();
        assertThat(resolution.person().displayName()).isEqualTo("Ada");
        assertThat(people.findByIdentity(DEFAULT, ADA_MOODLE)).map(Person::id).contains(ada.id());
    }

    @Test
    void mergesWeakIdentityIntoStrongOne() {
        String weak = people.resolve(DEFAULT, List.of(ADA_MBOX), null).person().id();
        String strong = people.resolve(DEFAULT, List.of(ADA_HR), "Ada Lovelace").person().id();
        evidence.insertIfAbsent(evidence(DEFAULT, weak, "xapi-1", T0));
        evidence.insertIfAbsent(evidence(DEFAULT, strong, "hr-1", T0));

        Resolution resolution = people.resolve(DEFAULT, List.of(ADA_MBOX, ADA_HR), null);

        assertThat(resolution.person().id()).isEqualTo(strong);
        assertThat(resolution.mergedPersonIds()).containsExactly(weak);
        assertThat(resolution.created()).isFalse();
        assertThat(people.find(DEFAULT, weak)).isEmpty();
        assertThat(people.identities(strong)).containsExactly(ADA_HR, ADA_MBOX);
        assertThat(evidence.forPerson(strong)).extracting(Evidence::externalId).containsExactlyInAnyOrder("xapi-1", "hr-1");
        assertThat(evidence.forPerson(weak)).isEmpty();
    }

    @Test
    void aMergeMovesTheMergedPersonsLtiSessionsAndScoreLinks() {
        String weak = people.resolve(DEFAULT, List.of(ADA_MBOX), null).person().id();
        String strong = people.resolve(DEFAULT, List.of(ADA_HR), null).person().id();
        jdbc.sql("INSERT INTO lti_registration (id, tenant_id, issuer, client_id, authorization_endpoint, jwks_uri, "
                + "active, created_at) VALUES ('r1', 'default', 'https://lms.example.com', 'c1', 'https://a', "
                + "'https://j', TRUE, CURRENT_TIMESTAMP)").update();
        jdbc.sql("INSERT INTO lti_session (id, registration_id, tenant_id, person_id, roles, instructor, created_at, "
                + "expires_at) VALUES ('s1', 'r1', 'default', :p, 'Learner', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .param("p", weak).update();
        for (String[] link : new String[][] {{"course-a", weak}, {"course-b", weak}, {"course-b", strong}}) {
            jdbc.sql("INSERT INTO lti_ags_link (registration_id, context_id, person_id, tenant_id, lti_user_id, "
                            + "line_items_url, updated_at) VALUES ('r1', :c, :p, 'default', :u, :url, CURRENT_TIMESTAMP)")
                    .param("c", link[0]).param("p", link[1]).param("u", "u-" + link[1])
                    .param("url", "https://lms/" + link[0] + "/" + link[1]).update();
        }

        people.resolve(DEFAULT, List.of(ADA_MBOX, ADA_HR), null);

        assertThat(jdbc.sql("SELECT person_id FROM lti_session WHERE id = 's1'").query(String.class).single())
                .isEqualTo(strong);
        assertThat(jdbc.sql("SELECT context_id || ' ' || line_items_url FROM lti_ags_link WHERE person_id = :p "
                        + "ORDER BY context_id").param("p", strong).query(String.class).list())
                .containsExactly("course-a https://lms/course-a/" + weak, "course-b https://lms/course-b/" + strong);
        assertThat(rows("SELECT COUNT(*) FROM lti_ags_link")).isEqualTo(2);
    }

    @Test
    void aMergeKeepsWhatHrLastReceivedForEachSkill() {
        String weak = people.resolve(DEFAULT, List.of(ADA_MBOX), null).person().id();
        String strong = people.resolve(DEFAULT, List.of(ADA_HR), null).person().id();
        for (String[] sent : new String[][] {{weak, "sql", "2"}, {weak, "etl", "1"}, {strong, "sql", "3"}}) {
            jdbc.sql("INSERT INTO hr_sync_sent_skill (tenant_id, person_id, skill_id, level, verified_at, hash, run_id) "
                            + "VALUES ('default', :p, :s, :l, CURRENT_TIMESTAMP, 'h', 'run-1')")
                    .param("p", sent[0]).param("s", sent[1]).param("l", Integer.parseInt(sent[2])).update();
        }

        people.resolve(DEFAULT, List.of(ADA_MBOX, ADA_HR), null);

        assertThat(jdbc.sql("SELECT skill_id || '=' || level FROM hr_sync_sent_skill WHERE person_id = :p ORDER BY skill_id")
                .param("p", strong).query(String.class).list()).containsExactly("etl=1", "sql=3");
        assertThat(rows("SELECT COUNT(*) FROM hr_sync_sent_skill")).isEqualTo(2);
    }

    @Test
    void theStrongestIdentityAPersonHoldsWinsEvenIfTheSignalCarriesAWeakerOne() {
        // Ada's HR id is known, but this signal only carries her e-mail next to a Moodle id of an
        // earlier person: the HR-backed person must survive.
        String withHr = people.resolve(DEFAULT, List.of(ADA_HR, ADA_MAIL), null).person().id();
        String moodleOnly = people.resolve(DEFAULT, List.of(ADA_MOODLE), null).person().id();

        Resolution resolution = people.resolve(DEFAULT, List.of(ADA_MOODLE, ADA_MAIL), null);

        assertThat(resolution.person().id()).isEqualTo(withHr);
        assertThat(resolution.mergedPersonIds()).containsExactly(moodleOnly);
    }

    @Test
    void equallyStrongPeopleMergeIntoTheOlderOne() {
        String older = people.resolve(DEFAULT, List.of(ADA_MOODLE), null).person().id();
        String newer = people.resolve(DEFAULT, List.of(IdentityRef.of(CANVAS_USER_ID, "7")), null).person().id();

        Resolution resolution = people.resolve(DEFAULT, List.of(IdentityRef.of(CANVAS_USER_ID, "7"), ADA_MOODLE), null);

        assertThat(resolution.person().id()).isEqualTo(older);
        assertThat(resolution.mergedPersonIds()).containsExactly(newer);
    }

    @Test
    void aMergeCarriesTargetRolesOverAndDropsTheMergedPersonsReadiness() {
        Person weak = people.resolve(DEFAULT, List.of(ADA_MBOX), "Ada from xAPI").person();
        Person strong = people.resolve(DEFAULT, List.of(ADA_HR), null).person();
        people.update(new Person(weak.id(), DEFAULT, weak.displayName(), "analyst-2", List.of("engineer-1", "analyst-3"),
                5.0, weak.createdAt()));
        people.update(new Person(strong.id(), DEFAULT, null, null, List.of("analyst-3"), 2.0, strong.createdAt()));
        JdbcReadinessRepository readiness = new JdbcReadinessRepository(jdbc, tx, new ObjectMapper());
        readiness.save(new Readiness(weak.id(), "analyst-3", 40, 40, Band.DEVELOPING, List.of(), List.of(), T0, "v1"));

        Person merged = people.resolve(DEFAULT, List.of(ADA_MBOX, ADA_HR), null).person();

        assertThat(merged.id()).isEqualTo(strong.id());
        assertThat(merged.targetRoleIds()).containsExactly("analyst-3", "engineer-1");
        assertThat(merged.currentRoleId()).isEqualTo("analyst-2");
        assertThat(merged.displayName()).isEqualTo("Ada from xAPI");
        assertThat(merged.weeklyLearningHours()).isEqualTo(2.0);
        assertThat(readiness.forPerson(weak.id())).isEmpty();
        assertThat(rows("SELECT COUNT(*) FROM readiness_history WHERE person_id = '" + strong.id() + "'")).isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM person_target_role WHERE person_id = '" + weak.id() + "'")).isZero();
    }

    @Test
    void theSameIdentityInTwoTenantsIsTwoPeople() {
        Person atDefault = people.resolve(DEFAULT, List.of(ADA_MAIL), null).person();
        Person atAcme = people.resolve("acme", List.of(ADA_MAIL), null).person();

        assertThat(atAcme.id()).isNotEqualTo(atDefault.id());
        assertThat(atAcme.tenantId()).isEqualTo("acme");
        assertThat(people.findByIdentity("acme", ADA_MAIL)).contains(atAcme);
        assertThat(people.count(DEFAULT)).isEqualTo(1);
        assertThat(people.count("acme")).isEqualTo(1);
    }

    @Test
    void aPersonOfOneTenantIsNotFoundUnderAnother() {
        Person ada = people.resolve(DEFAULT, List.of(ADA_MAIL), null).person();

        assertThat(people.find(DEFAULT, ada.id())).isPresent();
        assertThat(people.find("acme", ada.id())).isEmpty();
        assertThat(people.findByIdentity("acme", ADA_MAIL)).isEmpty();
        assertThat(people.list("acme", 0, 10)).isEmpty();
    }

    @Test
    void listsPeopleInCreationOrderPageByPage() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(people.resolve(DEFAULT, List.of(IdentityRef.of(EMAIL, "p" + i + "@example.org")), null).person().id());
        }

        assertThat(people.list(DEFAULT, 0, 10)).extracting(Person::id).containsExactlyElementsOf(created);
        assertThat(people.list(DEFAULT, 2, 2)).extracting(Person::id).containsExactly(created.get(2), created.get(3));
        assertThat(people.count(DEFAULT)).isEqualTo(5);
    }

    @Test
    void anUpdateStoresRolesHoursAndName() {
        Person ada = people.resolve(DEFAULT, List.of(ADA_MAIL), "Ada").person();

        people.update(new Person(ada.id(), DEFAULT, "Ada L.", "analyst-2", List.of("analyst-3", "engineer-2"), 4.5,
                ada.createdAt()));
        people.update(new Person(ada.id(), DEFAULT, "Ada L.", "analyst-2", List.of("engineer-2", "analyst-3"), 4.5,
                ada.createdAt()));

        Person stored = people.find(DEFAULT, ada.id()).orElseThrow();
        assertThat(stored.displayName()).isEqualTo("Ada L.");
        assertThat(stored.currentRoleId()).isEqualTo("analyst-2");
        assertThat(stored.targetRoleIds()).containsExactly("engineer-2", "analyst-3");
        assertThat(stored.weeklyLearningHours()).isEqualTo(4.5);
    }

    @Test
    void anUpdateCannotReachIntoAnotherTenant() {
        Person ada = people.resolve(DEFAULT, List.of(ADA_MAIL), "Ada").person();

        assertThatThrownBy(() -> people.update(new Person(ada.id(), "acme", "Mallory", null, List.of(), 1.0, ada.createdAt())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(people.find(DEFAULT, ada.id())).map(Person::displayName).contains("Ada");
    }

    @Test
    void resolvingNeedsAnIdentity() {
        assertThatThrownBy(() -> people.resolve(DEFAULT, List.of(), "Nobody")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentResolutionsOfANewIdentityAgreeOnOnePerson() throws Exception {
        List<Resolution> resolutions = Race.run(8, () -> people.resolve(DEFAULT, List.of(ADA_MAIL), "Ada"));

        assertThat(resolutions).extracting(r -> r.person().id()).containsOnly(resolutions.get(0).person().id());
        assertThat(resolutions).filteredOn(Resolution::created).hasSize(1);
        assertThat(people.count(DEFAULT)).isEqualTo(1);
    }

    @Test
    void concurrentResolutionsOfOverlappingIdentitiesEndWithOnePerson() throws Exception {
        List<List<IdentityRef>> signals = List.of(List.of(ADA_MAIL), List.of(ADA_MAIL, ADA_HR), List.of(ADA_MOODLE, ADA_HR),
                List.of(ADA_MBOX, ADA_MOODLE));
        AtomicInteger next = new AtomicInteger();

        Race.run(8, () -> people.resolve(DEFAULT, signals.get(next.getAndIncrement() % signals.size()), null));

        assertThat(people.count(DEFAULT)).isEqualTo(1);
        String ada = people.findByIdentity(DEFAULT, ADA_HR).orElseThrow().id();
        assertThat(people.identities(ada)).containsExactlyInAnyOrder(ADA_HR, ADA_MOODLE, ADA_MAIL, ADA_MBOX);
    }
}
