package dev.waypoint.app.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.waypoint.app.support.ApiClient;
import dev.waypoint.core.store.DeadLetterRepository;
import dev.waypoint.core.writeback.WriteBackDispatcher;
import dev.waypoint.xapi.StatementIntake;
import dev.waypoint.xapi.XapiEvidenceSource;
import dev.waypoint.xapi.XapiProperties;
import dev.waypoint.xapi.XapiWriteBack;
import dev.waypoint.xapi.store.JdbcPollWatermarks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled LRS poller of a running server against a WireMock LRS: what it pulls (two pages, through a
 * {@code more} link) becomes evidence and readiness, the watermark is stored, and a poller started afresh (a
 * restart) asks only for what was stored after it. The same LRS takes write-back, so the readiness the pulled
 * completion raised reaches it as a statement once the outbox delivers.
 */
@XapiServerTest
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:waypoint-xapi-lrs-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "waypoint.xapi.moodle-sites[0]=https://moodle.example.com"})
class LrsPollingServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MOODLE_USER = "4242";
    private static final String T1 = "2026-05-20T09:15:01.000Z";
    private static final String T2 = "2026-05-20T09:16:00.000Z";
    private static final String T3 = "2026-05-25T10:00:00.000Z";
    private static final WireMockServer LRS = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        LRS.start();
        LRS.stubFor(get(urlPathEqualTo("/xapi/statements")).withQueryParam("since", absent()).withQueryParam("more", absent())
                .willReturn(page(List.of(completion("1b6f9b0e-3a39-4a4e-9d1b-2f1f1c1f0001", "SQLF101", 2, T1)), "/xapi/statements?more=p2")));
        LRS.stubFor(get(urlPathEqualTo("/xapi/statements")).withQueryParam("more", equalTo("p2"))
                .willReturn(page(List.of(viewed("1b6f9b0e-3a39-4a4e-9d1b-2f1f1c1f0002", T2)), null)));
        LRS.stubFor(get(urlPathEqualTo("/xapi/statements")).withQueryParam("since", equalTo(T2))
                .willReturn(page(List.of(completion("1b6f9b0e-3a39-4a4e-9d1b-2f1f1c1f0003", "DATAVIZ201", 3, T3)), null)));
        LRS.stubFor(put(urlPathEqualTo("/xapi/statements")).willReturn(aResponse().withStatus(204)));
    }

    /** All in one place: a list bound from two property sources is taken whole from the first. */
    @DynamicPropertySource
    static void lrs(DynamicPropertyRegistry registry) {
        registry.add("waypoint.xapi.lrs[0].endpoint", () -> LRS.baseUrl() + "/xapi/");
        registry.add("waypoint.xapi.lrs[0].name", () -> "upstream");
        registry.add("waypoint.xapi.lrs[0].tenant", () -> "default");
        registry.add("waypoint.xapi.lrs[0].key", () -> "lrs-key");
        registry.add("waypoint.xapi.lrs[0].secret", () -> "lrs-secret");
        registry.add("waypoint.xapi.lrs[0].poll-every", () -> "1h");
        registry.add("waypoint.xapi.lrs[0].write-back", () -> "true");
    }

    @AfterAll
    static void stopLrs() {
        LRS.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcPollWatermarks watermarks;
    @Autowired
    XapiProperties properties;
    @Autowired
    StatementIntake intake;
    @Autowired
    XapiEvidenceSource evidence;
    @Autowired
    DeadLetterRepository deadLetters;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager tx;
    @Autowired
    Clock clock;
    @Autowired
    WriteBackDispatcher writeBack;

    @Test
    void pulledStatementsBecomeEvidenceAndARestartedPollerResumesFromTheStoredWatermark() throws Exception {
        ApiClient api = new ApiClient(port);
        ApiClient.Answer created = api.postJson("/api/v1/people", """
                {"identities":[{"kind":"moodle_user_id","value":"%s"}],"displayName":"Ada",
                 "currentRole":"analytics.analyst","weeklyHours":4}""".formatted(MOODLE_USER));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String personId = created.body().path("id").asText();

        String first = awaitEvidence(api, personId, "moodle:course:SQLF101");
        assertThat(first).contains("xapi:1b6f9b0e-3a39-4a4e-9d1b-2f1f1c1f0001");
        assertThat(awaitWatermark(T2)).as("the stored of the last statement taken, after the second page").hasValue(T2);
        LRS.verify(getRequestedFor(urlPathEqualTo("/xapi/statements")).withQueryParam("more", equalTo("p2"))
                .withHeader("Authorization", equalTo("Basic bHJzLWtleTpscnMtc2VjcmV0")));

        LrsPolling restarted = new LrsPolling(properties, intake, evidence, watermarks, deadLetters, JSON, dataSource, tx, clock);
        restarted.pollDue();

        LRS.verify(1, getRequestedFor(urlPathEqualTo("/xapi/statements")).withQueryParam("since", equalTo(T2)));
        assertThat(awaitEvidence(api, personId, "moodle:course:DATAVIZ201")).contains("xapi:1b6f9b0e-3a39-4a4e-9d1b-2f1f1c1f0003");
        assertThat(watermarks.since("upstream")).hasValue(T3);

        writeBack.deliverDue(100);
        int score = api.get("/api/v1/people/" + personId + "/readiness?role=analytics.senior-analyst").body().get(0).path("score").asInt();
        assertThat(score).isPositive();
        JsonNode sent = lastReadinessStatementFor("analytics.senior-analyst");
        assertThat(sent.path("actor").path("account").path("name").asText()).isEqualTo(MOODLE_USER);
        assertThat(sent.path("actor").path("account").path("homePage").asText()).isEqualTo("https://moodle.example.com");
        assertThat(sent.path("result").path("score").path("scaled").asDouble()).isEqualTo(score / 100.0);
    }

    private static JsonNode lastReadinessStatementFor(String roleId) throws Exception {
        JsonNode found = null;
        for (LoggedRequest request : LRS.findAll(putRequestedFor(urlPathEqualTo("/xapi/statements")))) {
            JsonNode statement = JSON.readTree(request.getBodyAsString());
            if (statement.path("object").path("id").asText().equals(XapiWriteBack.ACTIVITY + roleId)) {
                assertThat(request.queryParameter("statementId").firstValue()).isEqualTo(statement.path("id").asText());
                found = statement;
            }
        }
        assertThat(found).as("a readiness statement for " + roleId + " reached the LRS").isNotNull();
        return found;
    }

    /** The watermark moves after a page's evidence is handed on, so the evidence can be seen a moment earlier. */
    private Optional<String> awaitWatermark(String expected) throws InterruptedException {
        Optional<String> since = watermarks.since("upstream");
        for (int i = 0; i < 300 && !since.equals(Optional.of(expected)); i++) {
            Thread.sleep(100);
            since = watermarks.since("upstream");
        }
        return since;
    }

    private static String awaitEvidence(ApiClient api, String personId, String objectRef) throws InterruptedException {
        String evidence = "";
        for (int i = 0; i < 300 && !evidence.contains(objectRef); i++) {
            Thread.sleep(100);
            evidence = api.get("/api/v1/people/" + personId + "/evidence").body().toString();
        }
        assertThat(evidence).as("evidence of " + objectRef).contains(objectRef);
        return evidence;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(List<ObjectNode> statements, String more) {
        ObjectNode body = JSON.createObjectNode();
        statements.forEach(body.putArray("statements")::add);
        if (more != null) {
            body.put("more", more);
        }
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("X-Experience-API-Version", "1.0.3")
                .withHeader("X-Experience-API-Consistent-Through", "2026-06-01T00:00:00.000Z").withBody(body.toString());
    }

    /** logstore_xapi's course completion, as another LRS hands it out: with its id, stored and authority. */
    private static ObjectNode completion(String id, String idnumber, int courseId, String stored) {
        try {
            ObjectNode statement = (ObjectNode) JSON.readTree(LrsClient.resource("logstore-course-completion.json")
                    .replace("\"name\": \"5\"", "\"name\": \"" + MOODLE_USER + "\"")
                    .replace("SQLF101", idnumber).replace("view.php?id=2", "view.php?id=" + courseId));
            return fromOtherLrs(statement, id, stored);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode viewed(String id, String stored) {
        try {
            return fromOtherLrs((ObjectNode) JSON.readTree("""
                    {"actor":{"objectType":"Agent","account":{"homePage":"https://moodle.example.com","name":"%s"}},
                     "verb":{"id":"http://id.tincanapi.com/verb/viewed","display":{"en":"viewed"}},
                     "object":{"id":"https://moodle.example.com/mod/page/view.php?id=9","objectType":"Activity"},
                     "timestamp":"2026-05-20T09:16:00Z"}""".formatted(MOODLE_USER)), id, stored);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode fromOtherLrs(ObjectNode statement, String id, String stored) {
        statement.put("id", id);
        statement.put("stored", stored);
        statement.putObject("authority").put("objectType", "Agent").putObject("account")
                .put("homePage", "https://lrs.example.com").put("name", "upstream-lrs");
        return statement;
    }
}
