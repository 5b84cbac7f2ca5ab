package dev.waypoint.app.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.ApiClient.Answer;
import dev.waypoint.app.support.ServerTest;
import dev.waypoint.core.writeback.WriteBackDispatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Moodle adapter through the running server: a Moodle stub serving the recorded site's people,
 * courses and badges → configure the site → sync → readiness and path for alice (3), bob (4) and dev (6)
 * → the write-backs that reach Moodle, parameters included. Numbers are worked from DESIGN.md's model
 * for analytics.senior-analyst (Σw = 18; sql, data-visualization, domain-modeling must-haves); the
 * evidence is dated after the test clock, so it does not decay.
 */
@ServerTest
class MoodleEndToEndTest {

    private static final String TENANT = "moodle-e2e";
    private static final String SENIOR = "analytics.senior-analyst";
    private static final String TOKEN = "e2e0c3f9a2d7e6b4c8a1f0e9d3c2b7a6";
    private static MoodleSiteStub moodle;

    @LocalServerPort
    int port;
    @Autowired
    WriteBackDispatcher writeBacks;

    @BeforeAll
    static void startMoodle() {
        moodle = new MoodleSiteStub(TOKEN);
        moodle.serveSyncAnswers();
        moodle.serve("core_user_update_users", "core_user_update_users.json");
        moodle.serve("core_competency_read_competency_framework", "core_competency_read_competency_framework.json", "id", "1");
        moodle.serve("core_competency_list_competencies", "core_competency_list_competencies.json",
                "filters[0][column]", "competencyframeworkid", "filters[0][value]", "1");
        moodle.serve("core_competency_grade_competency", "core_competency_grade_competency.json");
    }

    @AfterAll
    static void stopMoodle() {
        moodle.stop();
    }

    @Test
    void syncedEvidenceBecomesReadinessAPathAndWritesBackIntoMoodle() {
        ApiClient api = new ApiClient(port);
        Answer saved = MoodleSiteStub.put(port, "/api/v1/moodle/sites/" + TENANT, """
                {"baseUrl":"http://localhost:%d","token":"%s","courseIds":[2],"concurrency":4,
                 "competencyFrameworkId":1,"competencies":{"sql":"DA-SQL","data-visualization":"DA-VIZ"}}
                """.formatted(moodle.server.port(), TOKEN));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.body().path("release").asText()).isEqualTo("4.5.6 (Build: 20250811)");
        assertThat(saved.body().path("missingFunctions")).isEmpty();
        assertThat(saved.raw()).doesNotContain(TOKEN);

        Answer sync = api.postJson("/api/v1/sync/" + TENANT, "");
        assertThat(sync.status()).as(sync.raw()).isEqualTo(200);
        JsonNode report = sync.body();
        assertThat(report.path("people").asInt()).isEqualTo(6);
        // alice: 2 courses + 2 badges; bob: 1 course + 1 badge
        assertThat(report.path("stored").asInt()).isEqualTo(6);
        assertThat(report.path("errors")).isEmpty();
        // 1 participants page + 6 × 2 + one completion time per newly completed course (3)
        assertThat(report.path("httpCalls").asInt()).isEqualTo(16);

        String alice = personWith(api, "alice@example.com");
        String bob = personWith(api, "bob@example.com");
        String dev = personWith(api, "dev@example.com");

        // alice: sql = min(0.75, 1 − (1 − 0.6·2/4)(1 − 0.8·3/4)) = 0.72; data-visualization =
        // 1 − (1 − 0.6·3/4)(1 − 0.8) = 0.89; etl = min(1/3, 0.8/3) = 0.2667; communication = 0.8;
        // R = round(100 · (3·0.72 + 3·0.89 + 2·0.2667 + 2·0.8) / 18) = 39, blocked by domain-modeling.
        JsonNode aliceReadiness = readiness(api, alice);
        assertThat(aliceReadiness.path("score").asInt()).isEqualTo(39);
        assertThat(aliceReadiness.path("blockingSkills").toString()).contains("domain-modeling").doesNotContain("sql");
        // bob: sql 0.72, etl 0.2667: R = round(100 · (2.16 + 0.5333) / 18) = 15.
        assertThat(readiness(api, bob).path("score").asInt()).isEqualTo(15);
        // dev: linked from Moodle with nothing completed.
        assertThat(readiness(api, dev).path("score").asInt()).isZero();
        assertThat(api.get("/api/v1/people/" + dev + "?tenant=" + TENANT).body().path("identities").toString())
                .contains("moodle_user_id", "L-1004", "moodle_username");

        assertThat(pathSteps(api, alice)).doesNotContain("sql-fundamentals", "data-visualization-course",
                "sql-certified-badge", "data-storyteller-badge");
        assertThat(pathSteps(api, bob)).contains("data-visualization-course").doesNotContain("sql-fundamentals");
        assertThat(pathSteps(api, dev)).contains("sql-fundamentals", "data-visualization-course");

        // bob's SQL gets an applied project and an endorsement at 4: verified at 3 (his learning shows 3)
        // → rated on DA-SQL; sql = 1, so R = round(100 · (3 + 0.5333) / 18) = 20.
        for (String kind : List.of("applied_project", "manager_endorsement")) {
            Answer posted = api.postJson("/api/v1/evidence", """
                    {"tenant":"%s","personId":"%s","kind":"%s","skills":[{"skill":"sql","level":4}],
                     "occurredAt":"2026-05-30T00:00:00Z","externalId":"%s-bob"}""".formatted(TENANT, bob, kind, kind));
            assertThat(posted.status()).as(posted.raw()).isEqualTo(201);
        }
        assertThat(readiness(api, bob).path("score").asInt()).isEqualTo(20);

        int delivered = writeBacks.deliverDue(100);
        assertThat(delivered).isEqualTo(4);
        moodle.server.verify(moodle.call("core_user_update_users").withFormParam("users[0][id]", equalTo("3"))
                .withFormParam("users[0][customfields][0][type]", equalTo("readiness"))
                .withFormParam("users[0][customfields][0][value]", equalTo("Senior Data Analyst 39 (developing)")));
        moodle.server.verify(moodle.call("core_user_update_users").withFormParam("users[0][id]", equalTo("6"))
                .withFormParam("users[0][customfields][0][value]", equalTo("Senior Data Analyst 0 (developing)")));
        moodle.server.verify(moodle.call("core_user_update_users").withFormParam("users[0][id]", equalTo("4"))
                .withFormParam("users[0][customfields][0][value]", equalTo("Senior Data Analyst 20 (developing)")));
        moodle.server.verify(1, moodle.call("core_competency_grade_competency").withFormParam("userid", equalTo("4"))
                .withFormParam("competencyid", equalTo("1")).withFormParam("grade", equalTo("2")));
        moodle.server.verify(0, moodle.call("core_competency_grade_competency").withFormParam("userid", equalTo("3")));

        // a second sync: nobody changed, two calls each, nothing stored
        JsonNode again = api.postJson("/api/v1/sync/" + TENANT, "").body();
        assertThat(again.path("unchanged").asInt()).isEqualTo(6);
        assertThat(again.path("stored").asInt()).isZero();
        assertThat(again.path("httpCalls").asInt()).isEqualTo(13);
        JsonNode status = api.get("/api/v1/sync/" + TENANT).body();
        assertThat(status.path("last").path("unchanged").asInt()).isEqualTo(6);
        assertThat(status.path("recent")).hasSize(2);
        assertThat(api.get("/api/v1/moodle/sites/" + TENANT).raw()).doesNotContain(TOKEN).contains("****");
    }

    private static String personWith(ApiClient api, String email) {
        return MoodleSiteStub.personWith(api, TENANT, email);
    }

    private static JsonNode readiness(ApiClient api, String personId) {
        Answer answer = api.get("/api/v1/people/" + personId + "/readiness?role=" + SENIOR + "&tenant=" + TENANT);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body().get(0);
    }

    private static List<String> pathSteps(ApiClient api, String personId) {
        Answer answer = api.get("/api/v1/people/" + personId + "/path?role=" + SENIOR + "&tenant=" + TENANT);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        List<String> steps = new ArrayList<>();
        answer.body().path("steps").forEach(step -> steps.add(step.path("refId").asText()));
        return steps;
    }
}
