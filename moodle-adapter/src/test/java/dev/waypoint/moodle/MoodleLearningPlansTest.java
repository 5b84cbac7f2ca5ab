package dev.waypoint.moodle;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.waypoint.core.store.OutboxRepository.OutboxEntry;
import dev.waypoint.core.writeback.WriteBackFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.waypoint.moodle.MoodleFixtures.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Delivering a learning-plan row: the plan is created once (active, named after the role) and given the
 * competencies it lacks; delivered again it finds the plan and adds nothing. Plan answers are built from
 * Moodle's source (moodle-4.5-source); the framework and competencies are the recorded ones.
 */
class MoodleLearningPlansTest {

    private static final String ROW = """
            {"type":"plan","userid":6,"framework":1,"role":"analytics.senior-analyst",
             "name":"Waypoint: Senior Data Analyst","competencies":["DA-SQL","DA-VIZ"]}""";

    private WireMockServer moodle;
    private MoodleWriteBack writeBack;

    @BeforeEach
    void start() {
        moodle = new WireMockServer(options().dynamicPort());
        moodle.start();
        MoodleClient client = new MoodleClient(MoodleFixtures.site(moodle).withCalls(2, Duration.ofSeconds(2), 2));
        writeBack = new MoodleWriteBack(tenant -> Optional.of(client), null, null, null, null);
        MoodleFixtures.serveFramework(moodle);
        moodle.stubFor(call("core_competency_create_plan", Map.of()).willReturn(body(MoodleFixtures.built("core_competency_create_plan.json"))));
        moodle.stubFor(call("core_competency_add_competency_to_plan", Map.of()).willReturn(body("true")));
    }

    @AfterEach
    void stop() {
        moodle.stop();
    }

    @Test
    void aNewPlanIsCreatedActiveAndGivenTheRolesCompetencies() throws Exception {
        moodle.stubFor(call("core_competency_list_user_plans", Map.of("userid", "6")).willReturn(body("[]")));
        moodle.stubFor(call("core_competency_list_plan_competencies", Map.of("id", "2")).willReturn(body("[]")));

        writeBack.deliver(entry(ROW));

        moodle.verify(1, function("core_competency_create_plan").withFormParam("plan[userid]", equalTo("6"))
                .withFormParam("plan[name]", equalTo("Waypoint: Senior Data Analyst"))
                .withFormParam("plan[status]", equalTo("1")));
        moodle.verify(1, function("core_competency_add_competency_to_plan").withFormParam("planid", equalTo("2"))
                .withFormParam("competencyid", equalTo("1")));
        moodle.verify(1, function("core_competency_add_competency_to_plan").withFormParam("planid", equalTo("2"))
                .withFormParam("competencyid", equalTo("2")));
    }

    @Test
    void anExistingPlanIsFoundByNameAndOnlyWhatItLacksIsAdded() throws Exception {
        // dev's plan 2 already holds DA-SQL (a crash after the first add, or a plan delivered before)
        moodle.stubFor(call("core_competency_list_user_plans", Map.of("userid", "6"))
                .willReturn(body("[" + MoodleFixtures.built("core_competency_create_plan.json") + "]")));
        String withSql = MoodleFixtures.built("core_competency_list_plan_competencies.json");
        moodle.stubFor(call("core_competency_list_plan_competencies", Map.of("id", "2"))
                .willReturn(body(withSql.substring(0, withSql.indexOf("},\n  {")) + "}]")));

        writeBack.deliver(entry(ROW));

        moodle.verify(0, function("core_competency_create_plan"));
        moodle.verify(0, function("core_competency_add_competency_to_plan").withFormParam("competencyid", equalTo("1")));
        moodle.verify(1, function("core_competency_add_competency_to_plan").withFormParam("competencyid", equalTo("2")));
    }

    @Test
    void aCompetencyTheFrameworkLacksIsParkedBeforeAnythingIsCreated() {
        WriteBackFailure failure = catchThrowableOfType(WriteBackFailure.class,
                () -> writeBack.deliver(entry(ROW.replace("DA-VIZ", "DA-GONE"))));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("DA-GONE", "competency mapping");
        moodle.verify(0, function("core_competency_create_plan"));
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder function(String name) {
        return postRequestedFor(urlPathEqualTo("/webservice/rest/server.php")).withFormParam("wsfunction", equalTo(name));
    }

    private static ResponseDefinitionBuilder body(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json);
    }

    private static OutboxEntry entry(String payload) {
        return new OutboxEntry(1, "t1", MoodleWriteBack.TARGET, "plan/6/analytics.senior-analyst", payload, "hash",
                "pending", 0, Instant.EPOCH, null, Instant.EPOCH, Instant.EPOCH);
    }
}
