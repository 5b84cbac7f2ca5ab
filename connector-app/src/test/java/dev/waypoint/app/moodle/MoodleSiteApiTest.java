package dev.waypoint.app.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.ApiClient.Answer;
import dev.waypoint.app.support.ServerTest;
import dev.waypoint.core.store.OutboxRepository;
import dev.waypoint.core.store.OutboxRepository.OutboxEntry;
import dev.waypoint.core.writeback.WriteBackDispatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;


import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The Moodle site settings and sync API: bad input, a failing site check, the write-only token, writes that fail. */
@ServerTest
class MoodleSiteApiTest {

    private static final String GOOD = "a0c3f9a2d7e6b4c8a1f0e9d3c2b7a6e5";
    private static final String WRONG = "ffffffffffffffffffffffffffff0000";
    private static WireMockServer moodle;

    @LocalServerPort
    int port;
    @Autowired
    WriteBackDispatcher writeBacks;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    MoodleSyncRuns runs;

    @BeforeAll
    static void startMoodle() {
        moodle = new WireMockServer(options().dynamicPort());
        moodle.start();
        stub(GOOD, "core_webservice_get_site_info", "core_webservice_get_site_info.json", 200);
        stub(WRONG, "core_webservice_get_site_info", "error.invalid_token.json", 200);
        stub(GOOD, "core_enrol_get_enrolled_users", "core_enrol_get_enrolled_users.json", 200);
        stub(GOOD, "core_enrol_get_users_courses", "core_enrol_get_users_courses.json", 200);
        stub(GOOD, "core_badges_get_user_badges", "core_badges_get_user_badges.json", 200);
        stub(GOOD, "core_completion_get_course_completion_status", "core_completion_get_course_completion_status.json", 200);
        stub(GOOD, "core_user_update_users", null, 503);
        stub(GOOD, "core_competency_create_competency_framework", "core_competency_create_competency_framework.json", 200);
        stub(GOOD, "core_competency_create_competency", "core_competency_create_competency.json", 200);
    }

    @AfterAll
    static void stopMoodle() {
        moodle.stop();
    }

    @Test
    void aSiteWithoutUrlOrTokenIsRefusedNamingBothFields() {
        Answer answer = put("/api/v1/moodle/sites/api-bad", "{\"baseUrl\":\"ftp://moodle\",\"concurrency\":0}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(answer.raw()).contains("baseUrl", "token", "concurrency");
        assertThat(new ApiClient(port).get("/api/v1/moodle/sites/api-bad").status()).isEqualTo(404);
    }

    @Test
    void anAgsCourseThatIsNoCourseIdIsRefusedNamingTheField() {
        Answer answer = put("/api/v1/moodle/sites/api-bad-ags", site(GOOD).replace("}", ",\"agsCourseIds\":[2,0]}"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.raw()).contains("agsCourseIds", "Moodle course ids");
        assertThat(new ApiClient(port).get("/api/v1/moodle/sites/api-bad-ags").status()).isEqualTo(404);
    }

    @Test
    void aWrongTokenIsRefusedWithTheFixAndNothingIsSaved() {
        Answer answer = put("/api/v1/moodle/sites/api-wrong", site(WRONG));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.raw()).contains("\"token\"", "Manage tokens").doesNotContain(WRONG);
        assertThat(new ApiClient(port).get("/api/v1/moodle/sites/api-wrong").status()).isEqualTo(404);
    }

    @Test
    void aSiteThatDoesNotAnswerIsRefusedOnTheBaseUrl() {
        Answer answer = put("/api/v1/moodle/sites/api-down", "{\"baseUrl\":\"http://127.0.0.1:9\",\"token\":\"" + GOOD + "\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.raw()).contains("baseUrl", "did not answer");
    }

    @Test
    void syncingATenantWithoutASiteIsNotFound() {
        Answer answer = new ApiClient(port).postJson("/api/v1/sync/nobody-here", "");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(new ApiClient(port).get("/api/v1/sync/nobody-here").status()).isEqualTo(404);
    }

    @Test
    void theSyncApiNeedsTheAdminToken() {
        assertThat(new ApiClient(port, null).postJson("/api/v1/sync/api-ok", "").status()).isEqualTo(401);
    }

    @Test
    void theTokenIsNeverShownAndAFailedWriteStaysInTheOutbox() {
        Answer saved = put("/api/v1/moodle/sites/api-ok", site(GOOD));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.raw()).doesNotContain(GOOD).contains("****a6e5");
        assertThat(new ApiClient(port).get("/api/v1/moodle/sites/api-ok").raw()).doesNotContain(GOOD);

        ApiClient api = new ApiClient(port);
        assertThat(api.postJson("/api/v1/sync/api-ok", "").body().path("stored").asInt()).isGreaterThan(0);
        String person = api.get("/api/v1/people?tenant=api-ok&limit=50").body().path("items").get(0).path("id").asText();
        assertThat(api.get("/api/v1/people/" + person + "/readiness?role=analytics.senior-analyst&tenant=api-ok").status()).isEqualTo(200);

        writeBacks.deliverDue(100);

        OutboxEntry pending = outbox.list("pending", 0, 500).stream()
                .filter(e -> e.tenantId().equals("api-ok")).findFirst().orElseThrow();
        assertThat(pending.attempts()).isEqualTo(1);
        assertThat(pending.lastError()).contains("core_user_update_users", "HTTP 503").doesNotContain(GOOD);
    }

    @Test
    void aRolesFrameworkIsCreatedInMoodleAndMappedOnce() {
        assertThat(put("/api/v1/moodle/sites/api-fw", site(GOOD)).status()).isEqualTo(200);
        ApiClient api = new ApiClient(port);

        Answer unknown = api.postJson("/api/v1/moodle/sites/api-fw/competency-framework", "{\"role\":\"astronaut\"}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.raw()).contains("role", "astronaut");

        Answer created = api.postJson("/api/v1/moodle/sites/api-fw/competency-framework", "{\"role\":\"analytics.analyst\"}");
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(created.body().path("frameworkId").asLong()).isEqualTo(2);
        JsonNode site = api.get("/api/v1/moodle/sites/api-fw").body();
        assertThat(site.path("competencyFrameworkId").asLong()).isEqualTo(2);
        assertThat(site.path("competencies").path("sql").asText()).isEqualTo("waypoint-sql");

        assertThat(api.postJson("/api/v1/moodle/sites/api-fw/competency-framework", "{\"role\":\"analytics.analyst\"}")
                .status()).isEqualTo(409);
    }

    @Test
    void theSchedulerSyncsASiteWhenItsIntervalHasPassedAndNotBefore() {
        String scheduled = site(GOOD).replace("}", ",\"syncEveryMinutes\":30}");
        assertThat(put("/api/v1/moodle/sites/api-scheduled", scheduled).status()).isEqualTo(200);

        runs.syncDueSites();
        runs.syncDueSites();

        // the clock stands still: the first pass syncs (no run yet), the second finds the interval not passed
        assertThat(runs.recent("api-scheduled", 10)).hasSize(1);
        assertThat(new ApiClient(port).get("/api/v1/sync/api-scheduled").body().path("last").path("people").asInt()).isEqualTo(6);
    }

    private static String site(String token) {
        return "{\"baseUrl\":\"http://localhost:" + moodle.port() + "\",\"token\":\"" + token + "\",\"courseIds\":[2],"
                + "\"concurrency\":2,\"callTimeoutSeconds\":5}";
    }

    private Answer put(String path, String body) {
        return MoodleSiteStub.put(port, path, body);
    }

    private static void stub(String token, String function, String file, int status) {
        moodle.stubFor(post(urlPathEqualTo("/webservice/rest/server.php"))
                .withFormParam("wstoken", equalTo(token)).withFormParam("wsfunction", equalTo(function))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(file == null ? "" : MoodleSiteStub.read(file))));
    }
}
