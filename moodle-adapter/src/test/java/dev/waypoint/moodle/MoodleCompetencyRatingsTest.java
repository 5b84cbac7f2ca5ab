package dev.waypoint.moodle;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.evidence.NaturalKey;
import dev.waypoint.core.taxonomy.SkillGrant;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Competency ratings read from alice's learning plan as evidence: the proficient rating of DA-SQL by her
 * teacher becomes an assessment of sql at the level the framework's scale gives, an unchanged rating costs
 * no write, a rating taken back is withdrawn, and ratings the web-service user made (Waypoint's own
 * write-back) never come back as evidence. Plans and plan competencies are built from Moodle's source
 * (no recording exists); the framework, competencies and site info are the recorded answers.
 */
class MoodleCompetencyRatingsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private WireMockServer moodle;
    private MoodleClient client;
    private RecordingSink sink;
    private MoodleEvidenceSource source;

    @BeforeEach
    void start() {
        moodle = new WireMockServer(options().dynamicPort());
        moodle.start();
        MoodleProperties site = MoodleFixtures.site(moodle).withCourseIds(List.of(2L)).withCalls(4, Duration.ofSeconds(2), 2)
                .withCompetencies(1L, Map.of("sql", "DA-SQL", "data-visualization", "DA-VIZ"))
                .withOptions(new MoodleOptions(List.of(), true, false, false));
        client = new MoodleClient(site);
        sink = new RecordingSink();
        source = new MoodleEvidenceSource(sink, new MoodleSyncState.InMemory(), null, Clock.fixed(NOW, ZoneOffset.UTC));
        MoodleFixtures.serve(moodle, "core_webservice_get_site_info", Map.of(), "core_webservice_get_site_info.json");
        MoodleFixtures.serve(moodle, "core_enrol_get_enrolled_users", Map.of("courseid", "2"), "core_enrol_get_enrolled_users.json");
        moodle.stubFor(call("core_enrol_get_users_courses", Map.of()).willReturn(body("[]")));
        moodle.stubFor(call("core_badges_get_user_badges", Map.of()).willReturn(body("{\"badges\":[],\"warnings\":[]}")));
        moodle.stubFor(call("core_competency_list_user_plans", Map.of()).atPriority(10).willReturn(body("[]")));
        plans(MoodleFixtures.built("core_competency_list_plan_competencies.json"));
        MoodleFixtures.serveFramework(moodle);
    }

    @AfterEach
    void stop() {
        moodle.stop();
    }

    @Test
    void aProficientRatingBecomesAnAssessmentOfTheMappedSkill() {
        MoodleSyncReport report = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(report.errors()).isEmpty();
        List<LearningSignal> signals = sink.taken();
        assertThat(signals).hasSize(1);
        LearningSignal rating = signals.get(0);
        assertThat(rating.kind()).isEqualTo(EvidenceKind.ASSESSMENT);
        assertThat(rating.objectRef()).isEqualTo("moodle:competency:DA-SQL");
        // "Competent" (2) is the framework's lowest proficient value: level 3
        assertThat(rating.grants()).containsExactly(new SkillGrant("sql", 3));
        assertThat(rating.occurredAt()).isEqualTo(Instant.ofEpochSecond(1795429400L));
        assertThat(rating.naturalKey()).isEqualTo(NaturalKey.of("moodle", "competency-rating:1:2:3"));
        // DA-VIZ "Not yet competent" and the unrated DA-COMM grant nothing
    }

    @Test
    void anUnchangedRatingCostsNoWriteAndOneCallPerPlanMore() {
        source.sync("t1", client, SampleTaxonomy.get());
        sink.taken();
        moodle.resetRequests();

        MoodleSyncReport again = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(sink.taken()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(6);
        // site info once; per person courses, badges, plans; alice's one plan once more
        assertThat(again.httpCalls()).isEqualTo(1 + 1 + 6 * 3 + 1);
    }

    @Test
    void aRatingTakenBackIsWithdrawn() {
        source.sync("t1", client, SampleTaxonomy.get());
        sink.taken();
        plans(MoodleFixtures.built("core_competency_list_plan_competencies.json")
                .replace("\"proficiency\": true,\n      \"grade\": 2", "\"proficiency\": false,\n      \"grade\": 1"));

        source.sync("t1", client, SampleTaxonomy.get());

        List<LearningSignal> signals = sink.taken();
        assertThat(signals).hasSize(1);
        assertThat(signals.get(0).kind()).isEqualTo(EvidenceKind.REVOCATION);
        assertThat(signals.get(0).revokes()).isEqualTo(NaturalKey.of("moodle", "competency-rating:1:2:3"));
    }

    @Test
    void aRatingTheWebServiceUserMadeIsWaypointsOwnAndNotEvidence() {
        // user 9 is the token's user (core_webservice_get_site_info "userid"), who rates verified skills
        plans(MoodleFixtures.built("core_competency_list_plan_competencies.json")
                .replace("\"usermodified\": 8", "\"usermodified\": 9"));

        MoodleSyncReport report = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(sink.taken()).isEmpty();
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void aServiceWithoutThePlanFunctionsStopsWithTheFunctionNamed() {
        moodle.stubFor(call("core_competency_list_user_plans", Map.of()).atPriority(1)
                .willReturn(json("error.function_not_in_service.json")));

        MoodleSyncReport report = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(report.errors()).hasSize(1);
        assertThat(report.errors().get(0)).contains("core_competency_list_user_plans");
        moodle.verify(0, postRequestedFor(urlPathEqualTo("/webservice/rest/server.php"))
                .withFormParam("wsfunction", equalTo("core_competency_list_plan_competencies")));
    }

    private void plans(String planCompetencies) {
        moodle.stubFor(call("core_competency_list_user_plans", Map.of("userid", "3"))
                .willReturn(body(MoodleFixtures.built("core_competency_list_user_plans.json"))));
        moodle.stubFor(call("core_competency_list_plan_competencies", Map.of("id", "1")).willReturn(body(planCompetencies)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder body(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json);
    }
}
