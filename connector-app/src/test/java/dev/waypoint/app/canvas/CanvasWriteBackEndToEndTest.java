package dev.waypoint.app.canvas;

import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.ApiClient.Answer;
import dev.waypoint.app.support.FixedClockConfiguration;
import dev.waypoint.app.support.ServerTest;
import dev.waypoint.core.store.TenantRepository;
import dev.waypoint.core.writeback.WriteBackDispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.waypoint.canvas.CanvasApiBodies.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * From Canvas to Canvas: a completion arrives as a Live Event, readiness moves, the outbox delivers the
 * AGS score (with the AGS token the test gives) and the path module with its override to the stub.
 */
@ServerTest
class CanvasWriteBackEndToEndTest extends CanvasServer {

    private static final String LINE_ITEMS = "/api/lti/courses/900/line_items";

    @LocalServerPort
    int port;

    @Autowired
    WriteBackDispatcher dispatcher;

    private ApiClient api;

    @Autowired
    JdbcCanvasTenantConfigs canvasConfigs;
    @Autowired
    TenantRepository tenants;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        canvasWithTwoCourses();
        CANVAS.stubFor(get(urlPathEqualTo(LINE_ITEMS)).willReturn(okJson("[]")));
        CANVAS.stubFor(post(urlPathEqualTo(LINE_ITEMS)).willReturn(okJson(body("ags-line-item-created.json")
                .replace("{base}", CANVAS.baseUrl()))));
        CANVAS.stubFor(post(urlPathEqualTo(LINE_ITEMS + "/31/scores")).willReturn(okJson(body("ags-score-result.json"))));
        CANVAS.stubFor(put(urlPathMatching("/api/v1/users/\\d+/custom_data/.*")).willReturn(okJson("{\"data\":{}}")));
        CANVAS.stubFor(get(urlPathEqualTo("/api/v1/courses/900/modules")).willReturn(okJson("[]")));
        CANVAS.stubFor(post(urlPathEqualTo("/api/v1/courses/900/modules")).willReturn(okJson(body("module-created.json"))));
        CANVAS.stubFor(get(urlPathEqualTo("/api/v1/courses/900/modules/4401/items")).willReturn(okJson("[]")));
        CANVAS.stubFor(post(urlPathEqualTo("/api/v1/courses/900/modules/4401/items")).willReturn(okJson("{\"id\":1}")));
        CANVAS.stubFor(put(urlPathEqualTo("/api/v1/courses/900/modules/4401/assignment_overrides"))
                .willReturn(aResponse().withStatus(204)));
    }

    @Test
    void aCompletionInCanvasComesBackAsAnAgsScoreAndAPathOnlyTheLearnerSees() {
        String user = String.valueOf(500_000 + (UUID.randomUUID().getMostSignificantBits() & 0xFFFF));
        String sub = "lti-sub-" + user;
        Answer created = api.postJson("/api/v1/people", """
                {"identities":[{"kind":"lti_sub","value":"%s"},{"kind":"canvas_user_id","value":"%s"}],
                 "displayName":"Learner %s","currentRole":"analytics.analyst","weeklyHours":4}
                """.formatted(sub, user, user));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String event = body("live-event-course-completed.json")
                .replace("\"21070000000000101\"", "\"2107000" + user + "\"").replace("\"id\": \"101\"", "\"id\": \"" + user + "\"")
                .replace("\"E-1001\"", "\"E-" + user + "\"").replace("ada@example.edu", user + "@example.edu");
        Answer taken = api.withToken(null).postJson("/canvas/live-events?secret=" + LIVE_EVENTS_SECRET, event);
        assertThat(taken.status()).as(taken.raw()).isEqualTo(200);

        dispatcher.deliverDue(200);

        CANVAS.verify(postRequestedFor(urlPathEqualTo(LINE_ITEMS + "/31/scores"))
                .withHeader("Authorization", equalTo("Bearer " + AGS_TOKEN))
                .withRequestBody(matchingJsonPath("$.userId", equalTo(sub)))
                .withRequestBody(matchingJsonPath("$.gradingProgress", equalTo("FullyGraded")))
                .withRequestBody(matchingJsonPath("$.comment", com.github.tomakehurst.wiremock.client.WireMock.containing("Your path"))));
        // the planner's path, dated from the fixed clock's day
        CANVAS.verify(postRequestedFor(urlPathEqualTo("/api/v1/courses/900/modules/4401/items"))
                .withRequestBody(matchingJsonPath("$.module_item.title", com.github.tomakehurst.wiremock.client.WireMock.matching(
                        ".* \\(2026-06-01 to 2026-\\d\\d-\\d\\d\\)")))
                .withRequestBody(matchingJsonPath("$.module_item.position", equalTo("1"))));
        CANVAS.verify(putRequestedFor(urlPathEqualTo("/api/v1/courses/900/modules/4401/assignment_overrides"))
                .withRequestBody(equalToJson("{\"overrides\":[{\"student_ids\":[" + user + "]}]}")));
        CANVAS.verify(putRequestedFor(urlPathMatching("/api/v1/users/" + user + "/custom_data/readiness/.*"))
                .withQueryParam("ns", equalTo("dev.waypoint")));
        assertThat(api.get("/api/v1/write-backs?status=pending").raw()).doesNotContain(sub);
    }

    @Test
    void aSyncFromCanvasReachesReadinessThenTheAgsScoreAndTheModuleOverride() {
        tenants.ensure("e2e-sync", "e2e-sync");
        canvasConfigs.save("e2e-sync", CanvasSettings.Tenant.withDefaults(CANVAS.baseUrl(), "e2e-token", null, null, null, 1,
                null, null, "900", true, List.of("205"), null), FixedClockConfiguration.NOW);
        Answer created = api.postJson("/api/v1/people", """
                {"tenant":"e2e-sync","identities":[{"kind":"lti_sub","value":"lti-sub-ada"},{"kind":"canvas_user_id","value":"101"}],
                 "displayName":"Ada","currentRole":"analytics.analyst","weeklyHours":4}
                """);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);

        Answer sync = api.postJson("/api/v1/canvas/sync?tenant=e2e-sync", "");
        assertThat(sync.status()).as(sync.raw()).isEqualTo(200);
        assertThat(sync.body().path("stored").asInt()).isPositive();
        String personId = created.body().path("id").asText();
        assertThat(api.get("/api/v1/people/" + personId + "/readiness?tenant=e2e-sync").raw()).contains("analytics.senior-analyst");

        dispatcher.deliverDue(200);

        CANVAS.verify(postRequestedFor(urlPathEqualTo(LINE_ITEMS + "/31/scores"))
                .withHeader("Authorization", equalTo("Bearer " + AGS_TOKEN))
                .withRequestBody(matchingJsonPath("$.userId", equalTo("lti-sub-ada")))
                .withRequestBody(matchingJsonPath("$.gradingProgress", equalTo("FullyGraded"))));
        CANVAS.verify(postRequestedFor(urlPathEqualTo("/api/v1/courses/900/modules"))
                .withHeader("Authorization", equalTo("Bearer e2e-token")));
        CANVAS.verify(putRequestedFor(urlPathEqualTo("/api/v1/courses/900/modules/4401/assignment_overrides"))
                .withHeader("Authorization", equalTo("Bearer e2e-token"))
                .withRequestBody(equalToJson("{\"overrides\":[{\"student_ids\":[101]}]}")));
    }
}
