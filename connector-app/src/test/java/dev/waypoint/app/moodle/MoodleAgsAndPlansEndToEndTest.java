package dev.waypoint.app.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.ApiClient.Answer;
import dev.waypoint.app.support.ServerTest;
import dev.waypoint.core.lti.Registration;
import dev.waypoint.core.lti.RegistrationRepository;
import dev.waypoint.core.writeback.WriteBackDispatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional write-backs of a site, end to end. Readiness as an AGS grade for Moodle learners who never
 * launched Waypoint: the site lists course 2 as an AGS course and the tenant holds an active LTI registration
 * of that Moodle, so the sync links every enrolled learner to the course's line-items container
 * ({@code ?type_id=} = the deployment) and the LTI write-back sends the score with the client-credentials
 * token, as recorded from Moodle 4.5.6. And, with learning plans on, a plan per learner and target role
 * holding the role's mapped competencies.
 */
@ServerTest
class MoodleAgsAndPlansEndToEndTest {

    private static final String TENANT = "moodle-ags";
    private static final String SENIOR = "analytics.senior-analyst";
    private static final String TOKEN = "a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MoodleSiteStub moodle;

    @LocalServerPort
    int port;
    @Autowired
    WriteBackDispatcher writeBacks;
    @Autowired
    RegistrationRepository registrations;

    @BeforeAll
    static void startMoodle() throws Exception {
        moodle = new MoodleSiteStub(TOKEN);
        moodle.serveSyncAnswers();
        moodle.server.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(JSON.readTree(MoodleSiteStub.read("lti-token.success.json")).path("body").toString())));
        String lineItems = JSON.readTree(MoodleSiteStub.read("lti-ags.lineitems.json")).path("body").toString()
                .replace("http://127.0.0.1:8700", moodle.base());
        moodle.server.stubFor(get(urlEqualTo("/mod/lti/services.php/2/lineitems?type_id=1")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/vnd.ims.lis.v2.lineitemcontainer+json")
                .withBody(lineItems)));
        moodle.server.stubFor(post(urlEqualTo("/mod/lti/services.php/2/lineitems?type_id=1"))
                .withRequestBody(containing("\"tag\":\"waypoint-readiness:" + SENIOR + "\""))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/vnd.ims.lis.v2.lineitem+json")
                        .withBody("""
                                {"id":"%s/mod/lti/services.php/2/lineitems/9/lineitem?type_id=1","label":"Readiness: Senior Data Analyst",
                                 "scoreMaximum":100,"tag":"waypoint-readiness:%s","resourceId":"%s"}
                                """.formatted(moodle.base(), SENIOR, SENIOR))));
        // Moodle answers an accepted score with HTTP 200 and no body (lti-ags.score-post.json).
        moodle.server.stubFor(post(urlEqualTo("/mod/lti/services.php/2/lineitems/9/lineitem/scores?type_id=1"))
                .willReturn(aResponse().withStatus(200)));
        moodle.serve("core_competency_read_competency_framework", "core_competency_read_competency_framework.json", "id", "1");
        moodle.serve("core_competency_list_competencies", "core_competency_list_competencies.json");
        moodle.serve("core_competency_create_plan", "core_competency_create_plan.json");
        moodle.server.stubFor(post(urlPathEqualTo("/webservice/rest/server.php"))
                .withRequestBody(containing("wsfunction=core_competency_list_user_plans")).willReturn(aResponse()
                        .withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));
        moodle.server.stubFor(post(urlPathEqualTo("/webservice/rest/server.php"))
                .withRequestBody(containing("wsfunction=core_competency_list_plan_competencies")).willReturn(aResponse()
                        .withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));
        moodle.server.stubFor(post(urlPathEqualTo("/webservice/rest/server.php"))
                .withRequestBody(containing("wsfunction=core_competency_add_competency_to_plan")).willReturn(aResponse()
                        .withStatus(200).withHeader("Content-Type", "application/json").withBody("true")));
    }

    @AfterAll
    static void stopMoodle() {
        moodle.stop();
    }

    @Test
    void syncedLearnersOfAnAgsCourseGetTheirReadinessAsAScoreWithoutLaunching() throws Exception {
        ApiClient api = new ApiClient(port);
        Answer saved = MoodleSiteStub.put(port, "/api/v1/moodle/sites/" + TENANT, """
                {"baseUrl":"%s","token":"%s","courseIds":[2],"profileField":"","agsCourseIds":[2],"learningPlans":true,
                 "competencyFrameworkId":1,"competencies":{"sql":"DA-SQL","data-visualization":"DA-VIZ"}}
                """.formatted(moodle.base(), TOKEN));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.body().path("options").path("agsCourseIds").toString()).isEqualTo("[2]");
        // The tool as this Moodle registered it (deployment "1" is the tool type id in ?type_id=).
        Registration registration = registrations.save(new Registration("moodle-ags-reg", TENANT, moodle.base(),
                "QXpEzIXegjVoIBb", moodle.base() + "/mod/lti/auth.php", moodle.base() + "/mod/lti/token.php",
                moodle.base() + "/mod/lti/certs.php", true, null));
        registrations.recordDeployment(registration.id(), "1");

        Answer sync = api.postJson("/api/v1/sync/" + TENANT, "");
        assertThat(sync.status()).as(sync.raw()).isEqualTo(200);
        assertThat(sync.body().path("errors")).isEmpty();

        // Asking for readiness stores it and queues its write-backs, as any recompute does.
        String alice = personWith(api, "alice@example.com");
        String bob = personWith(api, "bob@example.com");
        assertThat(readiness(api, alice)).isEqualTo(39);
        assertThat(readiness(api, bob)).isEqualTo(15);
        writeBacks.deliverDue(100);

        List<LoggedRequest> scores = moodle.server.findAll(postRequestedFor(
                urlEqualTo("/mod/lti/services.php/2/lineitems/9/lineitem/scores?type_id=1")));
        assertThat(scores).hasSize(2);
        for (LoggedRequest score : scores) {
            assertThat(score.getHeader("Content-Type")).startsWith("application/vnd.ims.lis.v1.score+json");
            assertThat(score.getHeader("Authorization")).isEqualTo("Bearer a8f8f1c0abf69acff50a535f0015ddcc");
        }
        JsonNode aliceScore = scoreOf(scores, "3");
        assertThat(aliceScore.path("scoreGiven").asInt()).isEqualTo(39);
        assertThat(aliceScore.path("scoreMaximum").asInt()).isEqualTo(100);
        assertThat(aliceScore.path("gradingProgress").asText()).isEqualTo("FullyGraded");
        assertThat(aliceScore.path("activityProgress").asText()).isEqualTo("Completed");
        assertThat(aliceScore.path("comment").asText()).startsWith("Readiness 39/100 (developing).");
        assertThat(scoreOf(scores, "4").path("scoreGiven").asInt()).isEqualTo(15);

        // The recorded container holds only the resource link's own item: Waypoint's is created once.
        moodle.server.verify(1, postRequestedFor(urlEqualTo("/mod/lti/services.php/2/lineitems?type_id=1")));
        moodle.server.verify(getRequestedFor(urlEqualTo("/mod/lti/services.php/2/lineitems?type_id=1")));
        moodle.server.verify(1, postRequestedFor(urlPathEqualTo("/mod/lti/token.php"))
                .withRequestBody(containing("client_credentials")));

        // one plan each for alice (3) and bob (4), named after the role, with the role's two mapped competencies
        for (String userId : List.of("3", "4")) {
            moodle.server.verify(1, moodle.call("core_competency_create_plan").withFormParam("plan[userid]", equalTo(userId))
                    .withFormParam("plan[name]", equalTo("Waypoint: Senior Data Analyst")));
        }
        moodle.server.verify(2, moodle.call("core_competency_add_competency_to_plan").withFormParam("competencyid", equalTo("1")));
        moodle.server.verify(2, moodle.call("core_competency_add_competency_to_plan").withFormParam("competencyid", equalTo("2")));

        // tina (8) teaches course 2: no gradebook link, so her readiness sends no score.
        String tina = personWith(api, "tina@example.com");
        readiness(api, tina);
        writeBacks.deliverDue(100);
        assertThat(moodle.server.findAll(postRequestedFor(urlPathEqualTo("/mod/lti/services.php/2/lineitems/9/lineitem/scores"))))
                .hasSize(2);
    }

    private static JsonNode scoreOf(List<LoggedRequest> scores, String userId) throws Exception {
        for (LoggedRequest score : scores) {
            JsonNode body = JSON.readTree(score.getBodyAsString());
            if (userId.equals(body.path("userId").asText())) {
                return body;
            }
        }
        throw new AssertionError("no score for Moodle user " + userId);
    }

    private static String personWith(ApiClient api, String email) {
        return MoodleSiteStub.personWith(api, TENANT, email);
    }

    private static int readiness(ApiClient api, String personId) {
        Answer answer = api.get("/api/v1/people/" + personId + "/readiness?role=" + SENIOR + "&tenant=" + TENANT);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body().get(0).path("score").asInt();
    }
}
