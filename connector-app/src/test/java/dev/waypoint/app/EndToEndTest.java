package dev.waypoint.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.ApiClient.Answer;
import dev.waypoint.app.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The server as a newcomer uses it: started on its defaults with the sample taxonomy, a person and
 * their evidence posted over HTTP, readiness and path read back. The numbers are worked by hand from
 * DESIGN.md's model and the sample's analytics.senior-analyst role (weights: sql 3, data-visualization 3,
 * domain-modeling 2, etl 2, statistics 2, stakeholder-management 2, communication 2, experimentation 1,
 * mentoring 1; Σw = 18; sql, data-visualization and domain-modeling are must-haves).
 */
@ServerTest
class EndToEndTest {

    private static final String SENIOR = "analytics.senior-analyst";

    @LocalServerPort
    int port;

    private ApiClient api;
    private String email;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        email = "alice-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void theSampleTaxonomyIsInForceAtStart() {
        Answer taxonomy = api.get("/api/v1/taxonomy");

        assertThat(taxonomy.status()).isEqualTo(200);
        assertThat(taxonomy.body().path("version").asText()).isEqualTo("2025.1-sample");
        assertThat(taxonomy.body().path("roles").asInt()).isEqualTo(18);
    }

    @Test
    void evidenceInReadinessAndPathOut() {
        String personId = createAnalyst();

        Answer completion = recordCourse("moodle:course:SQLF101", "completion-" + personId);
        assertThat(completion.status()).isEqualTo(201);
        assertThat(completion.body().path("grants").toString()).contains("\"skillId\":\"sql\"", "\"level\":2");

        // sql: q = 0.6 · 1 · (2/4) = 0.3, ceiling 0.5 → S = 0.3; R = round(100 · 3 · 0.3 / 18) = 5.
        JsonNode readiness = readiness(personId);
        assertThat(readiness.path("score").asInt()).isEqualTo(5);
        assertThat(readiness.path("band").asText()).isEqualTo("developing");
        assertThat(readiness.path("blockingSkills").toString()).contains("sql", "data-visualization", "domain-modeling");
        JsonNode sql = skill(readiness, "sql");
        assertThat(sql.path("score").asDouble()).isCloseTo(0.3, within(1e-9));
        assertThat(sql.path("evidence")).hasSize(1);

        // The SQL Certified badge, 12 days old, adds sql at 3 and, by rule, etl at 1:
        // sql (half-life 730 d): q = 0.8 · 0.5^(12/730) · 3/4 = 0.5932; S = min(0.75, 1 − 0.7 · (1 − q)) = 0.7152;
        // etl (half-life 540 d): q = 0.8 · 0.5^(12/540) · 1/3 = 0.2626; S = min(1/3, q) = 0.2626;
        // R = round(100 · (3 · 0.7152 + 2 · 0.2626) / 18) = round(14.84) = 15.
        Answer badge = api.postJson("/api/v1/evidence", """
                {"identities":[{"kind":"email","value":"%s"}],"kind":"badge","object":"moodle:badge:1",
                 "occurredAt":"2026-05-20T00:00:00Z","source":"moodle","externalId":"badge-%s"}
                """.formatted(email, personId));
        assertThat(badge.status()).isEqualTo(201);
        assertThat(badge.body().path("changedReadiness").toString()).contains(SENIOR);
        JsonNode after = readiness(personId);
        assertThat(after.path("score").asInt()).isEqualTo(15);
        double sqlBadge = 0.8 * Math.pow(0.5, 12.0 / 730) * 3 / 4;
        assertThat(skill(after, "sql").path("score").asDouble()).isCloseTo(1 - 0.7 * (1 - sqlBadge), within(1e-9));
        assertThat(skill(after, "etl").path("score").asDouble()).isCloseTo(0.8 * Math.pow(0.5, 12.0 / 540) / 3, within(1e-9));
        assertThat(skill(after, "sql").path("evidence")).hasSize(2);

        JsonNode path = api.get("/api/v1/people/" + personId + "/path?role=" + SENIOR).body();
        List<String> steps = new ArrayList<>();
        path.path("steps").forEach(step -> steps.add(step.path("refId").asText()));
        assertThat(steps).doesNotContain("sql-fundamentals", "sql-certified-badge");
        assertThat(steps).contains("dataset-project", "peer-review");
        assertThat(path.path("steps").get(0).path("dueOn").asText()).isGreaterThan("2026-06-01");
        assertThat(path.path("steps").get(0).path("closes")).isNotEmpty();
    }

    @Test
    void theSameFactTwiceIsStoredOnce() {
        String personId = createAnalyst();
        Answer first = recordCourse("moodle:course:SQLF101", "once-" + personId);
        Answer again = recordCourse("moodle:course:SQLF101", "once-" + personId);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("duplicate").asBoolean()).isTrue();
        assertThat(again.body().path("evidenceId").asText()).isEqualTo(first.body().path("evidenceId").asText());
        assertThat(api.get("/api/v1/people/" + personId + "/evidence").body()).hasSize(1);
    }

    @Test
    void aRevocationWithdrawsTheEvidenceFromReadiness() {
        String personId = createAnalyst();
        Answer completion = recordCourse("moodle:course:SQLF101", "revoked-" + personId);
        assertThat(readiness(personId).path("score").asInt()).isEqualTo(5);

        Answer revocation = api.postJson("/api/v1/evidence", """
                {"personId":"%s","kind":"revocation","revokes":"%s","occurredAt":"2026-05-30T00:00:00Z",
                 "externalId":"revocation-%s"}
                """.formatted(personId, completion.body().path("naturalKey").asText(), personId));

        assertThat(revocation.status()).isEqualTo(201);
        assertThat(readiness(personId).path("score").asInt()).isZero();
    }

    @Test
    void peopleAreListedWithTheRolesTheirReadinessIsKeptFor() {
        String personId = createAnalyst();

        Answer page = api.get("/api/v1/people?limit=500");
        JsonNode me = null;
        for (JsonNode item : page.body().path("items")) {
            if (item.path("id").asText().equals(personId)) {
                me = item;
            }
        }
        assertThat(page.body().path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(me).isNotNull();
        assertThat(me.path("readinessRoles").toString()).contains(SENIOR, "product.associate-pm");
        assertThat(me.path("identities").toString()).contains(email);
    }

    private String createAnalyst() {
        Answer created = api.postJson("/api/v1/people", """
                {"identities":[{"kind":"email","value":"%s"}],"displayName":"Alice",
                 "currentRole":"analytics.analyst","weeklyHours":4}
                """.formatted(email));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().path("id").asText();
    }

    private Answer recordCourse(String object, String externalId) {
        return api.postJson("/api/v1/evidence", """
                {"identities":[{"kind":"email","value":"%s"}],"kind":"course_completion","object":"%s",
                 "occurredAt":"2026-06-01T00:00:00Z","source":"moodle","externalId":"%s"}
                """.formatted(email, object, externalId));
    }

    private JsonNode readiness(String personId) {
        Answer answer = api.get("/api/v1/people/" + personId + "/readiness?role=" + SENIOR);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body().get(0);
    }

    private static JsonNode skill(JsonNode readiness, String skillId) {
        for (JsonNode skill : readiness.path("skills")) {
            if (skill.path("skillId").asText().equals(skillId)) {
                return skill;
            }
        }
        throw new AssertionError("no skill " + skillId + " in " + readiness);
    }
}
