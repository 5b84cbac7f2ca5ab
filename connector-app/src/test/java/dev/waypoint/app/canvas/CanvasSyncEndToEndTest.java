package dev.waypoint.app.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.ApiClient.Answer;
import dev.waypoint.app.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * From a stubbed Canvas to readiness: the sync reads the courses the sample taxonomy maps, the
 * completions become evidence of the person who carries the Canvas user id, and readiness moves.
 */
@ServerTest
class CanvasSyncEndToEndTest extends CanvasServer {

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        canvasWithTwoCourses();
    }

    @Test
    void completionsInCanvasMoveTheLearnersReadiness() {
        Answer created = api.postJson("/api/v1/people", """
                {"identities":[{"kind":"canvas_user_id","value":"101"}],"displayName":"Ada",
                 "currentRole":"analytics.analyst","weeklyHours":4}
                """);
        assertThat(created.status()).as(created.raw()).isIn(200, 201); // 200 when an earlier sync met Ada first
        String personId = created.body().path("id").asText();

        Answer sync = api.postJson("/api/v1/canvas/sync?tenant=default", "");

        assertThat(sync.status()).as(sync.raw()).isEqualTo(200);
        assertThat(sync.body().path("failures")).isEmpty();
        assertThat(sync.body().path("rateLimitRefusals").asInt()).isZero();
        // Ada's two completions and one graded submission, Alan's completion; the unmapped quiz is only counted
        assertThat(sync.body().path("stored").asInt() + sync.body().path("alreadyKnown").asInt()).isEqualTo(4);
        assertThat(sync.body().path("notMapped").asInt()).isEqualTo(1);
        JsonNode evidence = api.get("/api/v1/people/" + personId + "/evidence").body();
        assertThat(evidence.toString()).contains("canvas:course:205", "canvas:course:210", "canvas:assignment:1104");
        assertThat(api.get("/api/v1/people/" + personId).body().path("identities").toString())
                .contains("E-1001", "ada@example.edu");

        // sql from canvas:course:205, completed 2026-05-02T08:55Z, 29 d 15 h 05 min before the fixed clock:
        // q = 0.6 · 0.5^(age / 730 d) · 4/4.
        JsonNode readiness = api.get("/api/v1/people/" + personId + "/readiness?role=analytics.senior-analyst").body().get(0);
        JsonNode sql = null;
        for (JsonNode skill : readiness.path("skills")) {
            if (skill.path("skillId").asText().equals("sql")) {
                sql = skill;
            }
        }
        assertThat(sql).isNotNull();
        assertThat(sql.path("score").asDouble()).isCloseTo(0.6 * Math.pow(0.5, (29 * 86400 + 15 * 3600 + 5 * 60) / 86400.0 / 730), within(1e-9));
        assertThat(readiness.path("score").asInt()).isPositive();
    }

    @Test
    void aSecondSyncStoresNothingTwice() {
        api.postJson("/api/v1/canvas/sync?tenant=default", "");
        Answer again = api.postJson("/api/v1/canvas/sync?tenant=default", "");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("stored").asInt()).isZero();
        assertThat(again.body().path("alreadyKnown").asInt()).isPositive();
    }

    @Test
    void aTenantWithoutCanvasIsABadRequestNamingTheField() {
        Answer answer = api.postJson("/api/v1/canvas/sync?tenant=nowhere", "");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.raw()).contains("tenant", "no Canvas is configured");
    }

    @Test
    void theSyncNeedsTheAdminToken() {
        assertThat(api.withToken(null).postJson("/api/v1/canvas/sync", "").status()).isEqualTo(401);
    }
}
