package dev.waypoint.app.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waypoint.app.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Moodle's logstore_xapi statement in, readiness out: the course completion of SQLF101 by Moodle user N
 * counts for the person known by that Moodle user id (sql at level 2: readiness 5 for the senior analyst role,
 * as worked out in EndToEndTest), and voiding the statement takes it back to 0.
 */
@XapiServerTest
class XapiEvidenceEndToEndTest {

    private static final String SENIOR = "analytics.senior-analyst";

    @LocalServerPort
    int port;

    private ApiClient api;
    private LrsClient lrs;
    private String moodleUserId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        lrs = LrsClient.withNewCredential(port, "default");
        moodleUserId = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999_999));
    }

    @Test
    void aCourseCompletionStatementRaisesReadinessAndVoidingItTakesItBack() throws Exception {
        String personId = createAnalyst();
        assertThat(readiness(personId).path("score").asInt()).isZero();

        LrsClient.Answer answer = lrs.post(LrsClient.resource("logstore-course-completion.json")
                .replace("\"name\": \"5\"", "\"name\": \"" + moodleUserId + "\""));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        String statementId = answer.body().get(0).asText();

        JsonNode raised = awaitReadiness(personId, r -> r.path("score").asInt() == 5);
        assertThat(raised.path("score").asInt()).isEqualTo(5);
        JsonNode evidence = api.get("/api/v1/people/" + personId + "/evidence").body();
        assertThat(evidence.toString()).contains("xapi:" + statementId, "moodle:course:SQLF101");

        LrsClient.Answer voiding = lrs.post("""
                {"actor":{"mbox":"mailto:admin@example.com"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                 "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(statementId));
        assertThat(voiding.status()).isEqualTo(200);

        assertThat(awaitReadiness(personId, r -> r.path("score").asInt() == 0).path("score").asInt()).isZero();
    }

    @Test
    void aStatementThatMeansNothingIsStoredAndChangesNoReadiness() throws Exception {
        String personId = createAnalyst();

        LrsClient.Answer answer = lrs.post(LrsClient.resource("logstore-batch-30.json")
                .replace("\"name\": \"100\"", "\"name\": \"" + moodleUserId + "\""));
        assertThat(answer.status()).isEqualTo(200);
        Thread.sleep(1_000);

        assertThat(readiness(personId).path("score").asInt()).isZero();
        assertThat(api.get("/api/v1/people/" + personId + "/evidence").body()).isEmpty();
    }

    private String createAnalyst() {
        ApiClient.Answer created = api.postJson("/api/v1/people", """
                {"identities":[{"kind":"moodle_user_id","value":"%s"}],"displayName":"Ada",
                 "currentRole":"analytics.analyst","weeklyHours":4}""".formatted(moodleUserId));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().path("id").asText();
    }

    private JsonNode awaitReadiness(String personId, Predicate<JsonNode> until) throws InterruptedException {
        JsonNode last = null;
        for (int i = 0; i < 100; i++) {
            last = readiness(personId);
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        return last;
    }

    private JsonNode readiness(String personId) {
        ApiClient.Answer answer = api.get("/api/v1/people/" + personId + "/readiness?role=" + SENIOR);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body().get(0);
    }
}
