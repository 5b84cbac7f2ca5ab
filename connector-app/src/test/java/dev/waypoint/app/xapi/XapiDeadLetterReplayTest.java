package dev.waypoint.app.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.SampleTaxonomy;
import dev.waypoint.app.support.ApiClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement about an activity the taxonomy does not know is kept as an {@code xapi_statement} dead letter holding
 * the statement; once the taxonomy names the activity, replaying the letter through the ordinary replay endpoint
 * maps the statement again and stores its evidence, once, however often it is replayed.
 */
@XapiServerTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:waypoint-xapi-replay-test;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class XapiDeadLetterReplayTest {

    private static final String ACTIVITY = "https://courses.example.com/data-governance";

    @LocalServerPort
    int port;

    @Test
    void aStatementOnAnUnknownActivityIsReplayedOnceTheTaxonomyKnowsIt() throws Exception {
        ApiClient api = new ApiClient(port);
        Answer person = api.postJson("/api/v1/people", """
                {"identities":[{"kind":"email","value":"grace@example.com"}],"displayName":"Grace",
                 "currentRole":"analytics.analyst","weeklyHours":4}""");
        assertThat(person.status()).as(person.raw()).isEqualTo(201);
        String personId = person.body().path("id").asText();

        LrsClient.Answer posted = LrsClient.withNewCredential(port, "default").post("""
                {"actor":{"objectType":"Agent","name":"Grace","mbox":"mailto:grace@example.com"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/completed","display":{"en":"completed"}},
                 "object":{"objectType":"Activity","id":"%s",
                           "definition":{"type":"http://adlnet.gov/expapi/activities/course","name":{"en":"Data Governance"}}},
                 "timestamp":"2026-05-20T09:00:00Z"}""".formatted(ACTIVITY));
        assertThat(posted.status()).as(posted.raw()).isEqualTo(200);
        String statementId = posted.body().get(0).asText();

        JsonNode letter = awaitLetter(api, statementId);
        assertThat(letter.path("payloadType").asText()).isEqualTo("xapi_statement");
        assertThat(letter.path("error").asText()).contains(ACTIVITY);
        long letterId = letter.path("id").asLong();

        Answer stillUnknown = api.postJson("/api/v1/dead-letters/" + letterId + "/replay", "");
        assertThat(stillUnknown.body().path("status").asText()).isEqualTo("open");
        assertThat(stillUnknown.body().path("replayAttempts").asInt()).isEqualTo(1);
        assertThat(evidence(api, personId)).doesNotContain(statementId);

        String taxonomy = SampleTaxonomy.withCourse("2025.2-with-data-governance", "data-governance",
                "Data Governance", ACTIVITY, "sql", 3, 6);
        Answer loaded = api.post("/api/v1/taxonomy", taxonomy, "application/yaml");
        assertThat(loaded.status()).as(loaded.raw()).isEqualTo(201);

        Answer replayed = api.postJson("/api/v1/dead-letters/" + letterId + "/replay", "");
        assertThat(replayed.body().path("status").asText()).as(replayed.raw()).isEqualTo("replayed");
        JsonNode stored = api.get("/api/v1/people/" + personId + "/evidence").body();
        assertThat(stored.toString()).contains("xapi:" + statementId, ACTIVITY);
        int count = stored.size();

        Answer again = api.postJson("/api/v1/dead-letters/" + letterId + "/replay", "");
        assertThat(again.body().path("status").asText()).isEqualTo("replayed");
        assertThat(api.get("/api/v1/people/" + personId + "/evidence").body().size()).as("no second copy").isEqualTo(count);
        assertThat(api.get("/api/v1/dead-letters").body().toString()).doesNotContain(statementId);
    }

    private static JsonNode awaitLetter(ApiClient api, String statementId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            for (JsonNode letter : api.get("/api/v1/dead-letters?limit=200").body()) {
                if (letter.path("payload").asText().contains(statementId)) {
                    return letter;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no dead letter for statement " + statementId);
    }

    private static String evidence(ApiClient api, String personId) {
        return api.get("/api/v1/people/" + personId + "/evidence").body().toString();
    }

}
