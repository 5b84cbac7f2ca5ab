package dev.waypoint.moodle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.evidence.NaturalKey;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.taxonomy.Taxonomy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.waypoint.moodle.MoodleFixtures.call;
import static dev.waypoint.moodle.MoodleFixtures.json;
import static dev.waypoint.moodle.MoodleFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sync of the recorded site (course 2's six participants; alice's real courses and badges) into a
 * recording sink: what is sent, what is skipped, what it costs, and how faults leave the rest intact.
 */
class MoodleEvidenceSourceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant RECORDED = Instant.ofEpochSecond(1795429379L);

    private final ObjectMapper json = new ObjectMapper();
    private WireMockServer moodle;
    private MoodleClient client;
    private RecordingSink sink;
    private MoodleSyncState.InMemory state;
    private MoodleEvidenceSource source;

    @BeforeEach
    void start() {
        moodle = new WireMockServer(options().dynamicPort());
        moodle.start();
        client = new MoodleClient(MoodleFixtures.site(moodle).withCourseIds(List.of(2L)).withCalls(4, Duration.ofSeconds(2), 2));
        sink = new RecordingSink();
        state = new MoodleSyncState.InMemory();
        source = new MoodleEvidenceSource(sink, state, null, Clock.fixed(NOW, ZoneOffset.UTC));
        moodle.stubFor(call("core_enrol_get_enrolled_users", Map.of("courseid", "2")).willReturn(json("core_enrol_get_enrolled_users.json")));
        moodle.stubFor(call("core_enrol_get_users_courses", Map.of()).atPriority(10).willReturn(body("[]")));
        moodle.stubFor(call("core_badges_get_user_badges", Map.of()).atPriority(10).willReturn(body("{\"badges\":[],\"warnings\":[]}")));
        moodle.stubFor(call("core_enrol_get_users_courses", Map.of("userid", "3")).willReturn(json("core_enrol_get_users_courses.json")));
        moodle.stubFor(call("core_badges_get_user_badges", Map.of("userid", "3")).willReturn(json("core_badges_get_user_badges.json")));
        moodle.stubFor(call("core_completion_get_course_completion_status", Map.of()).willReturn(json("core_completion_get_course_completion_status.json")));
    }

    @AfterEach
    void stop() {
        moodle.stop();
    }

    @Test
    void alicesCompletionsAndBadgesArriveWithEveryIdentity() {
        MoodleSyncReport report = source.sync("t1", client, SampleTaxonomy.get());

        List<LearningSignal> signals = sink.taken();
        assertThat(report.people()).isEqualTo(6);
        assertThat(report.stored()).isEqualTo(4);
        assertThat(report.errors()).isEmpty();
        assertThat(signals).extracting(LearningSignal::objectRef).containsExactlyInAnyOrder(
                "moodle:course:SQLF101", "moodle:course:DATAVIZ201", "moodle:badge:1", "moodle:badge:2");
        LearningSignal sql = find(signals, "moodle:course:SQLF101");
        assertThat(sql.kind()).isEqualTo(EvidenceKind.COURSE_COMPLETION);
        assertThat(sql.occurredAt()).isEqualTo(RECORDED);
        assertThat(sql.identities()).containsExactly(IdentityRef.of(IdentityKind.MOODLE_USER_ID, "3"),
                IdentityRef.of(IdentityKind.MOODLE_IDNUMBER, "L-1001"), IdentityRef.of(IdentityKind.MOODLE_USERNAME, "alice"),
                IdentityRef.of(IdentityKind.EMAIL, "alice@example.com"));
        LearningSignal badge = find(signals, "moodle:badge:1");
        assertThat(badge.kind()).isEqualTo(EvidenceKind.BADGE);
        // dateissued is Unix seconds
        assertThat(badge.occurredAt()).isEqualTo(Instant.ofEpochSecond(1795429381L));
        assertThat(badge.naturalKey()).isEqualTo(NaturalKey.of("moodle", "badge:27e32fe6fb880430c893cf4071f91d0b689522e7"));
        // badgeurl only works with the token appended: neither is kept with the evidence
        assertThat(badge.rawPayload()).contains("uniquehash").doesNotContain("badgeurl", MoodleFixtures.TOKEN);
    }

    @Test
    void completionTimesAreFetchedOnlyForNewlyCompletedCourses() {
        source.sync("t1", client, SampleTaxonomy.get());

        moodle.verify(2, postRequestedFor(urlPathEqualTo("/webservice/rest/server.php"))
                .withFormParam("wsfunction", equalTo("core_completion_get_course_completion_status")));
        moodle.verify(0, postRequestedFor(urlPathEqualTo("/webservice/rest/server.php"))
                .withFormParam("wsfunction", equalTo("core_completion_get_course_completion_status"))
                .withFormParam("courseid", equalTo("4")));
    }

    @Test
    void anUnchangedPersonCostsTwoCallsAndSendsNothing() {
        source.sync("t1", client, SampleTaxonomy.get());
        sink.taken();

        MoodleSyncReport again = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(again.unchanged()).isEqualTo(6);
        assertThat(sink.taken()).isEmpty();
        assertThat(again.httpCalls()).isEqualTo(1 + 6 * 2);
    }

    @Test
    void progressWithoutCompletionIsNoChange() throws Exception {
        source.sync("t1", client, SampleTaxonomy.get());
        ArrayNode courses = (ArrayNode) json.readTree(read("core_enrol_get_users_courses.json"));
        ((ObjectNode) courses.get(0)).put("progress", 75);
        moodle.stubFor(call("core_enrol_get_users_courses", Map.of("userid", "3")).willReturn(body(courses.toString())));

        assertThat(source.sync("t1", client, SampleTaxonomy.get()).unchanged()).isEqualTo(6);
    }

    @Test
    void objectsTheTaxonomyDoesNotMapAreCountedNotSent() throws Exception {
        ArrayNode courses = (ArrayNode) json.readTree(read("core_enrol_get_users_courses.json"));
        ObjectNode stake = (ObjectNode) courses.get(0);
        stake.put("idnumber", "").put("completed", true);
        moodle.stubFor(call("core_enrol_get_users_courses", Map.of("userid", "3")).willReturn(body(courses.toString())));

        MoodleSyncReport report = source.sync("t1", client, SampleTaxonomy.get());

        // without an idnumber the course is moodle:course:4, which no asset names
        assertThat(report.skippedUnmapped()).isEqualTo(1);
        assertThat(sink.taken()).extracting(LearningSignal::objectRef).doesNotContain("moodle:course:4", "moodle:course:STAKE301");
    }

    @Test
    void aNewTaxonomyThatMapsASkippedCourseSendsItOnTheNextSync() throws Exception {
        ArrayNode courses = (ArrayNode) json.readTree(read("core_enrol_get_users_courses.json"));
        ((ObjectNode) courses.get(0)).put("idnumber", "STAT-ONLINE").put("completed", true);
        moodle.stubFor(call("core_enrol_get_users_courses", Map.of("userid", "3")).willReturn(body(courses.toString())));
        assertThat(source.sync("t1", client, SampleTaxonomy.get()).skippedUnmapped()).isEqualTo(1);
        sink.taken();

        MoodleSyncReport remapped = source.sync("t1", client,
                SampleTaxonomy.edited("2025.2-test", "moodle:course:STAT150", "moodle:course:STAT-ONLINE"));

        assertThat(sink.taken()).extracting(LearningSignal::objectRef).containsExactly("moodle:course:STAT-ONLINE");
        assertThat(remapped.stored()).isEqualTo(1);
        assertThat(remapped.unchanged()).isZero();
    }

    @Test
    void completedActivitiesOfTheListedCoursesAreSentOnceEach() {
        MoodleClient withActivities = new MoodleClient(client.site().withActivityCourseIds(List.of(2L)));
        moodle.stubFor(call("core_completion_get_activities_completion_status", Map.of("courseid", "2", "userid", "3"))
                .willReturn(json("core_completion_get_activities_completion_status.json")));
        Taxonomy cmidMapped = SampleTaxonomy.edited("2025.3-test", "moodle:activity:DATASET-PROJECT", "moodle:activity:2");

        MoodleSyncReport first = source.sync("t1", withActivities, cmidMapped);

        List<LearningSignal> activities = sink.taken().stream().filter(s -> s.objectRef().startsWith("moodle:activity:")).toList();
        // cmid 2 is the dataset project (an applied project); cmid 1 maps to nothing
        assertThat(activities).singleElement().satisfies(a -> {
            assertThat(a.objectRef()).isEqualTo("moodle:activity:2");
            assertThat(a.kind()).isEqualTo(EvidenceKind.APPLIED_PROJECT);
            assertThat(a.occurredAt()).isEqualTo(RECORDED);
        });
        assertThat(first.skippedUnmapped()).isEqualTo(1);
        assertThat(source.sync("t1", withActivities, cmidMapped).unchanged()).isEqualTo(6);
        assertThat(sink.taken()).isEmpty();
    }

    @Test
    void warningsMoodleAttachesAreReported() {
        moodle.stubFor(call("core_badges_get_user_badges", Map.of("userid", "4")).willReturn(body(
                "{\"badges\":[],\"warnings\":[{\"item\":\"badges\",\"itemid\":4,\"warningcode\":\"badgesdisabled\","
                        + "\"message\":\"Badges are not enabled\"}]}")));

        MoodleSyncReport report = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(report.warnings()).singleElement().asString().contains("user 4", "Badges are not enabled");
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void theReducedBadgeRecordWithoutConfigureDetailsStillGivesBothBadges() {
        moodle.stubFor(call("core_badges_get_user_badges", Map.of("userid", "3"))
                .willReturn(json("core_badges_get_user_badges.without_configuredetails.json")));

        source.sync("t1", client, SampleTaxonomy.get());

        List<LearningSignal> badges = sink.taken().stream().filter(s -> s.kind() == EvidenceKind.BADGE).toList();
        assertThat(badges).extracting(LearningSignal::externalId).containsExactlyInAnyOrder(
                "badge:27e32fe6fb880430c893cf4071f91d0b689522e7", "badge:20377730c067651935297e912318258ebf909420");
        assertThat(badges).allSatisfy(b -> assertThat(b.occurredAt()).isEqualTo(Instant.ofEpochSecond(1795429381L)));
    }

    @Test
    void aBadgeThatDisappearsIsWithdrawn() throws Exception {
        source.sync("t1", client, SampleTaxonomy.get());
        sink.taken();
        ObjectNode badges = (ObjectNode) json.readTree(read("core_badges_get_user_badges.json"));
        ((ArrayNode) badges.get("badges")).remove(1);
        moodle.stubFor(call("core_badges_get_user_badges", Map.of("userid", "3")).willReturn(body(badges.toString())));

        source.sync("t1", client, SampleTaxonomy.get());

        List<LearningSignal> signals = sink.taken();
        assertThat(signals).hasSize(1);
        assertThat(signals.get(0).kind()).isEqualTo(EvidenceKind.REVOCATION);
        assertThat(signals.get(0).revokes()).isEqualTo(NaturalKey.of("moodle", "badge:20377730c067651935297e912318258ebf909420"));
    }

    @Test
    void anExpiredBadgeIsWithdrawn() throws Exception {
        source.sync("t1", client, SampleTaxonomy.get());
        sink.taken();
        ObjectNode badges = (ObjectNode) json.readTree(read("core_badges_get_user_badges.json"));
        ((ObjectNode) badges.get("badges").get(0)).put("dateexpire", NOW.minusSeconds(3600).getEpochSecond());
        moodle.stubFor(call("core_badges_get_user_badges", Map.of("userid", "3")).willReturn(body(badges.toString())));

        source.sync("t1", client, SampleTaxonomy.get());

        List<LearningSignal> signals = sink.taken();
        assertThat(signals).extracting(LearningSignal::revokes)
                .containsExactly(NaturalKey.of("moodle", "badge:27e32fe6fb880430c893cf4071f91d0b689522e7"));
    }

    @Test
    void aCourseWithoutCompletionCriteriaIsDatedAtTheSyncWithoutAnotherCall() throws Exception {
        ArrayNode courses = (ArrayNode) json.readTree(read("core_enrol_get_users_courses.json"));
        ((ObjectNode) courses.get(0)).put("completed", true).put("completionhascriteria", false);
        moodle.stubFor(call("core_enrol_get_users_courses", Map.of("userid", "3")).willReturn(body(courses.toString())));

        source.sync("t1", client, SampleTaxonomy.get());

        assertThat(find(sink.taken(), "moodle:course:STAKE301").occurredAt()).isEqualTo(NOW);
        moodle.verify(0, postRequestedFor(urlPathEqualTo("/webservice/rest/server.php"))
                .withFormParam("wsfunction", equalTo("core_completion_get_course_completion_status"))
                .withFormParam("courseid", equalTo("4")));
    }

    @Test
    void aDeletedUserIsReportedAndEveryoneElseSynced() {
        moodle.stubFor(call("core_enrol_get_users_courses", Map.of("userid", "3")).willReturn(json("error.nonexistent_record.json")));

        MoodleSyncReport report = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(report.errors()).singleElement().asString().contains("user 3", "core_enrol_get_users_courses", "does not exist");
        assertThat(report.unchanged() + report.errors().size()).isEqualTo(1);
        assertThat(state.all("t1")).containsOnlyKeys(4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void aWrongTokenStopsTheSyncWithOneErrorAndTheFix() {
        moodle.stubFor(call("core_enrol_get_enrolled_users", Map.of()).atPriority(1).willReturn(json("error.invalid_token.json")));

        MoodleSyncReport report = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(report.errors()).singleElement().asString().contains("web-service token", "sync stopped");
        assertThat(report.httpCalls()).isEqualTo(1);
    }

    @Test
    void aFunctionMissingFromTheServiceStopsTheSyncNamingIt() {
        moodle.stubFor(call("core_badges_get_user_badges", Map.of()).atPriority(1).willReturn(json("error.function_not_in_service.json")));

        MoodleSyncReport report = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(report.errors()).singleElement().asString().contains("add core_badges_get_user_badges to the external service");
        assertThat(sink.taken()).isEmpty();
    }

    @Test
    void aPersonLostToNetworkFaultsIsPickedUpByTheNextSync() {
        moodle.stubFor(call("core_badges_get_user_badges", Map.of("userid", "3")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        MoodleSyncReport first = source.sync("t1", client, SampleTaxonomy.get());
        assertThat(first.errors()).singleElement().asString().contains("user 3", "did not answer");
        assertThat(sink.taken()).isEmpty();

        moodle.stubFor(call("core_badges_get_user_badges", Map.of("userid", "3")).willReturn(json("core_badges_get_user_badges.json")));
        MoodleSyncReport second = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(second.stored()).isEqualTo(4);
        assertThat(second.unchanged()).isEqualTo(5);
    }

    @Test
    void htmlInsteadOfJsonForOnePersonIsReportedAndTheRestSynced() {
        moodle.stubFor(call("core_enrol_get_users_courses", Map.of("userid", "3"))
                .willReturn(aResponse().withStatus(200).withBody("<html><body>Error</body></html>")));

        MoodleSyncReport report = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(report.errors()).singleElement().asString().contains("HTML");
        assertThat(report.people()).isEqualTo(6);
    }

    @Test
    void a5xxBurstOnTheParticipantListIsRidden() {
        moodle.stubFor(call("core_enrol_get_enrolled_users", Map.of()).atPriority(1).inScenario("burst")
                .whenScenarioStateIs("Started").willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        moodle.stubFor(call("core_enrol_get_enrolled_users", Map.of()).atPriority(1).inScenario("burst")
                .whenScenarioStateIs("ok").willReturn(json("core_enrol_get_enrolled_users.json")));

        MoodleSyncReport report = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(report.errors()).isEmpty();
        assertThat(report.stored()).isEqualTo(4);
    }

    private static LearningSignal find(List<LearningSignal> signals, String ref) {
        return signals.stream().filter(s -> ref.equals(s.objectRef())).findFirst().orElseThrow(() -> new AssertionError(ref));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder body(String text) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(text);
    }
}
