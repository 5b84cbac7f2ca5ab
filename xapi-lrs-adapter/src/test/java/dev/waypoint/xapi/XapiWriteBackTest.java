package dev.waypoint.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.pathing.LearningPath;
import dev.waypoint.core.pathing.PathStep;
import dev.waypoint.core.readiness.Band;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.store.OutboxRepository.OutboxEntry;
import dev.waypoint.core.store.jdbc.JdbcOutboxRepository;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.TaxonomyYamlLoader;
import dev.waypoint.core.writeback.RetrySchedule;
import dev.waypoint.core.writeback.WriteBackDispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness into an LRS through the outbox: the statement that reaches the LRS, its id derived from its content
 * (a resend is the same statement), an unchanged readiness not sent again, LRS faults retried, a conflict parked.
 */
class XapiWriteBackTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final String ROLE = "analytics.senior-analyst";

    private final WireMockServer lrsServer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final TestDatabase db = new TestDatabase();
    private final XapiEvidenceSourceTest.MutableClock clock = new XapiEvidenceSourceTest.MutableClock(NOW);
    private final ObjectMapper json = new ObjectMapper();
    private final Person ada = new Person("p-1", "default", "Ada", "analytics.analyst", List.of(), 4, NOW);
    private List<IdentityRef> identities = List.of(IdentityRef.of(IdentityKind.EMAIL, "ada@example.com"),
            IdentityRef.of(IdentityKind.XAPI_ACCOUNT, "https://moodle.example.com|7"));
    private JdbcOutboxRepository outbox;
    private XapiWriteBack writeBack;
    private WriteBackDispatcher dispatcher;

    @BeforeEach
    void start() throws Exception {
        lrsServer.start();
        lrsServer.stubFor(put(urlPathEqualTo("/xapi/statements")).willReturn(aResponse().withStatus(204)));
        ActiveTaxonomy taxonomy = new ActiveTaxonomy();
        taxonomy.activate(new TaxonomyYamlLoader().load("sample.yaml",
                Files.readString(Path.of("..", "samples", "taxonomy", "waypoint-sample.yaml"))).taxonomy());
        XapiProperties.Lrs lrs = new XapiProperties.Lrs("records", "default", "http://127.0.0.1:" + lrsServer.port() + "/xapi/",
                "key", "secret", null, 0, "1.0.3", true, false);
        XapiProperties.Lrs pollOnly = new XapiProperties.Lrs("elsewhere", "default", "http://127.0.0.1:9/xapi/", "k", "s",
                null, 0, null, false, null);
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
        writeBack = new XapiWriteBack(List.of(lrs, pollOnly), l -> new XapiClient(http, json, l, 1, Duration.ofMillis(10)),
                personId -> identities, taxonomy, (person, readiness) -> path(), json);
        outbox = new JdbcOutboxRepository(JdbcClient.create(db.dataSource), db.tx);
        dispatcher = new WriteBackDispatcher(outbox, List.of(writeBack), RetrySchedule.defaults(), clock, Duration.ofMinutes(5));
    }

    @AfterEach
    void stop() {
        lrsServer.stop();
        db.close();
    }

    @Test
    void readinessReachesTheLrsAsAStatementAboutThePersonAndTheRole() throws Exception {
        assertThat(dispatcher.enqueue(ada, readiness(42))).isEqualTo(1);
        assertThat(dispatcher.deliverDue(10)).isEqualTo(1);

        LoggedRequest sent = lrsServer.findAll(putRequestedFor(urlPathEqualTo("/xapi/statements"))).get(0);
        JsonNode statement = json.readTree(sent.getBodyAsString());
        assertThat(sent.queryParameter("statementId").firstValue()).isEqualTo(statement.path("id").asText());
        assertThat(sent.getHeader("X-Experience-API-Version")).isEqualTo("1.0.3");
        assertThat(sent.getHeader("Authorization")).startsWith("Basic ");
        assertThat(statement.path("actor").path("account").path("homePage").asText()).isEqualTo("https://moodle.example.com");
        assertThat(statement.path("actor").path("account").path("name").asText()).isEqualTo("7");
        assertThat(statement.path("actor").has("mbox")).as("one identifier only").isFalse();
        assertThat(statement.path("verb").path("id").asText()).isEqualTo(XapiWriteBack.VERB);
        assertThat(statement.path("object").path("id").asText()).isEqualTo(XapiWriteBack.ACTIVITY + ROLE);
        assertThat(statement.path("object").path("definition").path("name").path("en-US").asText()).isEqualTo("Readiness for Senior Data Analyst");
        assertThat(statement.path("result").path("score").path("scaled").asDouble()).isEqualTo(0.42);
        assertThat(statement.path("result").path("extensions").path(XapiWriteBack.PATH_SUMMARY).asText())
                .isEqualTo("Readiness 42/100 (developing). Path: 2 step(s), 14 h; next: SQL Fundamentals; Stakeholder management.");
        assertThat(statement.has("timestamp")).as("nothing that differs between two sends of the same readiness").isFalse();
        assertThat(new dev.waypoint.xapi.statement.StatementValidator().validate(statement, "$",
                dev.waypoint.xapi.statement.XapiVersion.V1_0)).as("a valid xAPI statement").isEmpty();
    }

    @Test
    void theSameReadinessIsTheSameStatementAndIsNotSentAgain() throws Exception {
        dispatcher.enqueue(ada, readiness(42));
        dispatcher.deliverDue(10);

        assertThat(dispatcher.enqueue(ada, readiness(42))).as("unchanged: skipped").isZero();
        assertThat(dispatcher.deliverDue(10)).isZero();
        assertThat(dispatcher.enqueue(ada, readiness(55))).isEqualTo(1);
        dispatcher.deliverDue(10);

        List<LoggedRequest> sent = lrsServer.findAll(putRequestedFor(urlPathEqualTo("/xapi/statements")));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).queryParameter("statementId").firstValue())
                .isNotEqualTo(sent.get(0).queryParameter("statementId").firstValue());
        String planned = json.readTree(writeBack.plan(ada, readiness(42)).get(0).payload()).path("statement").path("id").asText();
        assertThat(planned).as("derived from person, role and score, not from when it was planned")
                .isEqualTo(sent.get(0).queryParameter("statementId").firstValue());
    }

    @Test
    void anLrsFaultIsRetriedFromTheOutboxUntilTheLrsTakesIt() {
        lrsServer.stubFor(put(urlPathEqualTo("/xapi/statements")).willReturn(aResponse().withStatus(503)));
        dispatcher.enqueue(ada, readiness(42));

        assertThat(dispatcher.deliverDue(10)).isZero();
        OutboxEntry pending = outbox.list("pending", 0, 10).get(0);
        assertThat(pending.attempts()).isEqualTo(1);
        assertThat(pending.lastError()).contains("503");

        lrsServer.stubFor(put(urlPathEqualTo("/xapi/statements")).willReturn(aResponse().withStatus(204)));
        clock.advance(Duration.ofHours(1));
        assertThat(dispatcher.deliverDue(10)).isEqualTo(1);
        assertThat(outbox.list("delivered", 0, 10)).hasSize(1);
    }

    @Test
    void aConflictAtTheLrsIsParkedNotRetried() {
        lrsServer.stubFor(put(urlPathEqualTo("/xapi/statements")).willReturn(aResponse().withStatus(409)));
        dispatcher.enqueue(ada, readiness(42));

        dispatcher.deliverDue(10);

        assertThat(outbox.list("parked", 0, 10)).singleElement().satisfies(e -> assertThat(e.lastError()).contains("409"));
    }

    @Test
    void theActorFallsBackToTheEmailAndNobodyWithoutAnIdentifierIsWrittenFor() throws Exception {
        identities = List.of(IdentityRef.of(IdentityKind.EMAIL, "ada@example.com"), IdentityRef.of(IdentityKind.MOODLE_USER_ID, "7"));
        JsonNode statement = json.readTree(writeBack.plan(ada, readiness(42)).get(0).payload()).path("statement");
        assertThat(statement.path("actor").path("mbox").asText()).isEqualTo("mailto:ada@example.com");

        identities = List.of(IdentityRef.of(IdentityKind.MOODLE_USER_ID, "7"));
        assertThat(writeBack.plan(ada, readiness(42))).isEmpty();
        assertThat(writeBack.plan(new Person("p-2", "other", "Bo", null, List.of(), 4, NOW), readiness(42)))
                .as("no LRS of that tenant takes write-back").isEmpty();
    }

    private static Readiness readiness(int score) {
        return new Readiness("p-1", ROLE, score, score, score >= 80 ? Band.READY : score >= 60 ? Band.NEARLY : Band.DEVELOPING,
                List.of(), List.of(), NOW, "2025.1-sample");
    }

    private static LearningPath path() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        return new LearningPath("p-1", ROLE, null, today, 4, List.of(
                new PathStep(1, PathStep.StepType.ASSET, "sql-fundamentals", "SQL Fundamentals", "course_completion", 8, today,
                        today.plusDays(14), List.of(), false),
                new PathStep(2, PathStep.StepType.ASSET, "stakeholder-management-course", "Stakeholder management", "course_completion",
                        6, today.plusDays(14), today.plusDays(25), List.of(), false)), 14, List.of());
    }
}
