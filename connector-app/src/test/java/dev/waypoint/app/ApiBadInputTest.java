package dev.waypoint.app;

import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.ApiClient.Answer;
import dev.waypoint.app.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything a client can send wrong gets a 4xx problem body that names the field and the reason,
 * and writes nothing.
 */
@ServerTest
class ApiBadInputTest {

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void refusesACallWithoutTheAdminToken() {
        Answer answer = api.withToken(null).get("/api/v1/people");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("detail").asText()).contains("Bearer");
    }

    @Test
    void refusesAWrongAdminToken() {
        assertThat(api.withToken("not-the-token-at-all").get("/api/v1/people").status()).isEqualTo(401);
    }

    @Test
    void healthIsOpenAndMetricsAreNot() {
        assertThat(api.withToken(null).get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.withToken(null).get("/actuator/prometheus").status()).isEqualTo(401);
        Answer metrics = api.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("waypoint_evidence_total{outcome=\"stored\"}");
    }

    @Test
    void namesTheLineOfMalformedJson() {
        Answer answer = api.postJson("/api/v1/evidence", "{\n  \"kind\": \"badge\",\n  oops\n}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.errors()).contains("malformed JSON at line 3");
    }

    @Test
    void namesAnUnknownField() {
        Answer answer = api.postJson("/api/v1/evidence", "{\"kind\":\"badge\",\"skils\":[]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errors()).contains("\"field\":\"skils\"").contains("unknown field");
    }

    @Test
    void namesAnUnreadableDate() {
        Answer answer = api.postJson("/api/v1/evidence", "{\"kind\":\"badge\",\"occurredAt\":\"yesterday\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errors()).contains("\"field\":\"occurredAt\"").contains("yesterday");
    }

    @Test
    void reportsEveryWrongFieldOfEvidenceAtOnce() {
        Answer answer = api.postJson("/api/v1/evidence", """
                {"identities":[{"kind":"fax","value":"1"}],"kind":"hearsay","occurredAt":"2030-01-01T00:00:00Z",
                 "skills":[{"skill":"sqll","level":7}],"score":1.5}
                """);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errors()).contains("identities[0].kind", "unknown identity kind 'fax'",
                "\"field\":\"kind\"", "unknown evidence kind 'hearsay'", "\"field\":\"occurredAt\"", "future",
                "skills[0].skill", "unknown skill 'sqll'", "skills[0].level", "7 is outside 1–5", "\"field\":\"score\"");
    }

    @Test
    void evidenceOnAnUnmappedObjectIsRefusedAndCreatesNobody() {
        long before = api.get("/api/v1/people?limit=1").body().path("total").asLong();

        Answer answer = api.postJson("/api/v1/evidence", """
                {"identities":[{"kind":"email","value":"nobody-new@example.com"}],"kind":"course_completion",
                 "object":"moodle:course:NOT-MAPPED","occurredAt":"2026-05-01T00:00:00Z"}
                """);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().path("detail").asText()).contains("moodle:course:NOT-MAPPED");
        assertThat(api.get("/api/v1/people?limit=1").body().path("total").asLong()).isEqualTo(before);
    }

    @Test
    void evidenceForAnUnknownPersonIdIsRefused() {
        Answer answer = api.postJson("/api/v1/evidence", """
                {"personId":"no-such-person","kind":"manager_endorsement","skills":[{"skill":"sql","level":3}],
                 "occurredAt":"2026-05-01T00:00:00Z"}
                """);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errors()).contains("personId", "no person 'no-such-person'");
    }

    @Test
    void anUnknownPersonIs404AndAnUnknownRoleIs422() {
        assertThat(api.get("/api/v1/people/nobody/readiness?role=analytics.analyst").status()).isEqualTo(404);

        String id = api.postJson("/api/v1/people", """
                {"identities":[{"kind":"email","value":"role-check@example.com"}]}""").body().path("id").asText();
        Answer answer = api.get("/api/v1/people/" + id + "/readiness?role=astronaut");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errors()).contains("unknown role 'astronaut'");
    }

    @Test
    void aPathNeedsARole() {
        String id = api.postJson("/api/v1/people", """
                {"identities":[{"kind":"email","value":"path-check@example.com"}]}""").body().path("id").asText();

        Answer answer = api.get("/api/v1/people/" + id + "/path");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errors()).contains("\"field\":\"role\"");
    }

    @Test
    void refusesUnknownRolesAndImpossibleHoursForAPerson() {
        Answer answer = api.postJson("/api/v1/people", """
                {"identities":[{"kind":"email","value":"hours@example.com"}],"currentRole":"wizard",
                 "targetRoles":["analytics.analyst","chief-wizard"],"weeklyHours":-2}
                """);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errors()).contains("currentRole", "targetRoles[1]", "weeklyHours");
    }

    @Test
    void refusesABadPage() {
        Answer answer = api.get("/api/v1/people?offset=-1&limit=100000");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errors()).contains("offset", "limit");
        assertThat(api.get("/api/v1/people?limit=ten").status()).isEqualTo(400);
    }

    @Test
    void retryingAMissingWriteBackIs404() {
        Answer answer = api.postJson("/api/v1/write-backs/424242/retry", "");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errors()).contains("write-back");
    }

    @Test
    void refusesAnUnknownDeadLetterStatusAndAMissingLetter() {
        assertThat(api.get("/api/v1/dead-letters?status=lost").status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/dead-letters/999999/replay", "").status()).isEqualTo(404);
    }
}
