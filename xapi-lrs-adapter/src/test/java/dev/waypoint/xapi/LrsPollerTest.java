package dev.waypoint.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.waypoint.xapi.store.JdbcPollWatermarks;
import dev.waypoint.xapi.store.JdbcStatementStore;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The LRS poller against a WireMock LRS: paging through 'more', consistency, a restart mid-way, and faults. */
class LrsPollerTest {

    private static final String ID1 = "11111111-1111-4111-8111-111111111111";
    private static final String ID2 = "22222222-2222-4222-8222-222222222222";
    private static final String ID3 = "33333333-3333-4333-8333-333333333333";
    private static final String T1 = "2026-05-01T10:00:00.000Z";
    private static final String T2 = "2026-05-01T10:00:01.000Z";
    private static final String T3 = "2026-05-01T10:00:02.000Z";

    private final WireMockServer lrsServer = new WireMockServer(options().dynamicPort());
    private final TestDatabase db = new TestDatabase();
    private final JdbcStatementStore store = new JdbcStatementStore(db.jdbc, db.tx);
    private final JdbcPollWatermarks watermarks = new JdbcPollWatermarks(db.jdbc);
    private final XapiEvidenceSourceTest.MutableClock clock = new XapiEvidenceSourceTest.MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
    private final XapiEvidenceSourceTest.RecordingSink sink = new XapiEvidenceSourceTest.RecordingSink();
    private final XapiEvidenceSourceTest.RecordingDeadLetters deadLetters = new XapiEvidenceSourceTest.RecordingDeadLetters();
    private XapiProperties.Lrs lrs;

    @BeforeEach
    void start() {
        lrsServer.start();
        lrs = new XapiProperties.Lrs("upstream", "default", "http://127.0.0.1:" + lrsServer.port() + "/xapi/", "key", "secret",
                null, 2, "1.0.3", false, null);
    }

    @AfterEach
    void stop() {
        store.close();
        lrsServer.stop();
        db.close();
    }

    private LrsPoller poller() {
        XapiProperties properties = XapiProperties.defaults();
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(5, TimeUnit.SECONDS).build();
        ObjectMapper json = new ObjectMapper();
        StatementIntake intake = new StatementIntake(json, store, properties, clock);
        XapiEvidenceSource source = new XapiEvidenceSource(store, new XapiMapper(properties), sink, deadLetters, json, clock);
        return new LrsPoller(lrs, new XapiClient(http, json, lrs, 3, Duration.ofMillis(10)), intake, source, watermarks,
                deadLetters, json, clock);
    }

    @Test
    void followsMoreLinksAndAdvancesTheWatermark() {
        firstPage(absent(), page(List.of(statement(ID1, T1), statement(ID2, T2)), "/xapi/statements?more=page-2"), null);
        lrsServer.stubFor(get(urlPathEqualTo("/xapi/statements")).withQueryParam("more", equalTo("page-2"))
                .willReturn(json(page(List.of(statement(ID3, T3)), null), null)));

        assertThat(poller().poll()).isEqualTo(3);

        assertThat(store.count("default")).isEqualTo(3);
        assertThat(watermarks.since("upstream")).hasValue(T3);
        lrsServer.verify(getRequestedFor(urlPathEqualTo("/xapi/statements"))
                .withHeader("X-Experience-API-Version", equalTo("1.0.3"))
                .withHeader("Authorization", equalTo("Basic a2V5OnNlY3JldA==")));
    }

    @Test
    void theNextRoundAsksSinceTheWatermarkAndTakesNothingTwice() {
        firstPage(absent(), page(List.of(statement(ID1, T1)), null), null);
        firstPage(equalTo(T1), page(List.of(statement(ID1, T1), statement(ID2, T2)), null), null);

        poller().poll();
        poller().poll();

        assertThat(store.count("default")).isEqualTo(2);
        assertThat(watermarks.since("upstream")).hasValue(T2);
    }

    @Test
    void resumesFromTheLastFinishedPageAfterARestartMidway() {
        firstPage(absent(), page(List.of(statement(ID1, T1), statement(ID2, T2)), "/xapi/statements?more=page-2"), null);
        lrsServer.stubFor(get(urlPathEqualTo("/xapi/statements")).withQueryParam("more", equalTo("page-2"))
                .willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> poller().poll()).isInstanceOf(LrsException.class);
        assertThat(watermarks.since("upstream")).hasValue(T2);
        assertThat(store.count("default")).isEqualTo(2);

        firstPage(equalTo(T2), page(List.of(statement(ID3, T3)), null), null);
        assertThat(poller().poll()).isEqualTo(1);

        assertThat(store.count("default")).isEqualTo(3);
        assertThat(watermarks.since("upstream")).hasValue(T3);
    }

    @Test
    void stopsAtTheConsistentThroughPoint() {
        firstPage(absent(), page(List.of(statement(ID1, T1), statement(ID2, T2)), "/xapi/statements?more=page-2"), T1);

        assertThat(poller().poll()).isEqualTo(1);

        assertThat(store.find("default", ID2)).isEmpty();
        assertThat(watermarks.since("upstream")).hasValue(T1);
        lrsServer.verify(0, getRequestedFor(urlPathEqualTo("/xapi/statements")).withQueryParam("more", equalTo("page-2")));
    }

    @Test
    void aPassingFaultIsRetried() {
        lrsServer.stubFor(get(urlPathEqualTo("/xapi/statements")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        lrsServer.stubFor(get(urlPathEqualTo("/xapi/statements")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(json(page(List.of(statement(ID1, T1)), null), null)));

        assertThat(poller().poll()).isEqualTo(1);
        lrsServer.verify(2, getRequestedFor(urlPathEqualTo("/xapi/statements")));
    }

    @Test
    void wrongCredentialsAreNotRetriedAndMoveNothing() {
        lrsServer.stubFor(get(urlPathEqualTo("/xapi/statements")).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> poller().poll()).isInstanceOf(LrsException.class).hasMessageContaining("401");

        lrsServer.verify(1, getRequestedFor(urlPathEqualTo("/xapi/statements")));
        assertThat(watermarks.since("upstream")).isEmpty();
    }

    @Test
    void anAnswerThatIsNotAStatementResultIsAFault() {
        lrsServer.stubFor(get(urlPathEqualTo("/xapi/statements")).willReturn(aResponse().withStatus(200).withBody("<html>")));

        assertThatThrownBy(() -> poller().poll()).isInstanceOf(LrsException.class);
        lrsServer.verify(3, getRequestedFor(urlPathEqualTo("/xapi/statements")));
        assertThat(store.count("default")).isZero();
    }

    @Test
    void anInvalidStatementBecomesADeadLetterAndTheOthersAreKept() {
        String invalid = statement(ID2, T2).replace("mailto:learner@example.com", "learner@example.com");
        firstPage(absent(), page(List.of(statement(ID1, T1), invalid), null), null);

        assertThat(poller().poll()).isEqualTo(2);

        assertThat(store.count("default")).isEqualTo(1);
        assertThat(deadLetters.letters).singleElement().asString().contains("actor.mbox");
        assertThat(watermarks.since("upstream")).hasValue(T2);
    }

    private void firstPage(com.github.tomakehurst.wiremock.matching.StringValuePattern since, String body, String consistentThrough) {
        lrsServer.stubFor(get(urlPathEqualTo("/xapi/statements")).withQueryParam("more", absent())
                .withQueryParam("since", since).withQueryParam("ascending", equalTo("true"))
                .withQueryParam("limit", equalTo("2"))
                .willReturn(json(body, consistentThrough)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body, String consistentThrough) {
        var response = aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("X-Experience-API-Version", "1.0.3").withBody(body);
        return consistentThrough == null ? response : response.withHeader("X-Experience-API-Consistent-Through", consistentThrough);
    }

    private static String page(List<String> statements, String more) {
        return "{\"statements\":[" + String.join(",", statements) + "]" + (more == null ? "" : ",\"more\":\"" + more + "\"") + "}";
    }

    private static String statement(String id, String stored) {
        return """
                {"id":"%s","actor":{"mbox":"mailto:learner@example.com"},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},
                 "object":{"id":"https://learn.example.com/%s"},"timestamp":"%s","stored":"%s",
                 "authority":{"objectType":"Agent","account":{"homePage":"https://lrs.example.com","name":"moodle"}},"version":"1.0.3"}"""
                .formatted(id, id, stored, stored);
    }
}
