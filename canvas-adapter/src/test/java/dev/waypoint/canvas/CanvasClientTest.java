package dev.waypoint.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.waypoint.canvas.CanvasApiBodies.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The REST client against a stubbed Canvas: paging, typed errors, retries. */
class CanvasClientTest {

    private static final String ENROLLMENTS = "/api/v1/courses/205/enrollments";

    private WireMockServer canvas;
    private CanvasClient client;

    @BeforeEach
    void start() {
        canvas = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        canvas.start();
        client = client(CanvasAccessToken.fixed("admin-token"), 3);
    }

    @AfterEach
    void stop() {
        canvas.stop();
    }

    private CanvasClient client(CanvasAccessToken token, int attempts) {
        CanvasProperties properties = new CanvasProperties(canvas.baseUrl(), 2, 1, 0, 10, attempts,
                Duration.ofMillis(10), Duration.ofSeconds(5));
        return new CanvasClient(properties, token, new OkHttpClient(), new ObjectMapper());
    }

    @Test
    void followsTheNextLinkAsAnOpaqueUrlUntilTheLastPage() {
        String next = canvas.baseUrl() + ENROLLMENTS + "?page=bookmark:WzkwMDJd&per_page=2";
        canvas.stubFor(get(urlPathEqualTo(ENROLLMENTS)).withQueryParam("page", equalTo("bookmark:WzkwMDJd"))
                .atPriority(1)
                .willReturn(okJson(body("enrollments-205-page-2.json"))
                        .withHeader("Link", "<" + canvas.baseUrl() + ENROLLMENTS + "?page=first&per_page=2>; rel=\"first\"")));
        canvas.stubFor(get(urlPathEqualTo(ENROLLMENTS)).withQueryParam("per_page", equalTo("2")).atPriority(2)
                .willReturn(okJson(body("enrollments-205-page-1.json"))
                        .withHeader("Link", "<" + next + ">; rel=\"next\", <" + canvas.baseUrl() + ENROLLMENTS
                                + "?page=first&per_page=2>; rel=\"first\"")));

        List<JsonNode> enrollments = client.list(ENROLLMENTS + "?type[]=StudentEnrollment");

        assertThat(enrollments).extracting(e -> e.get("user_id").asText()).containsExactly("101", "102", "103");
        canvas.verify(2, getRequestedFor(urlPathEqualTo(ENROLLMENTS)));
        canvas.verify(getRequestedFor(urlPathEqualTo(ENROLLMENTS)).withHeader("Authorization", equalTo("Bearer admin-token")));
    }

    @Test
    void refusesAMalformedLinkHeader() {
        canvas.stubFor(get(urlPathEqualTo(ENROLLMENTS)).willReturn(okJson("[]").withHeader("Link", "page=2; rel=next")));

        assertThatThrownBy(() -> client.list(ENROLLMENTS))
                .isInstanceOf(CanvasException.BadResponse.class).hasMessageContaining("malformed Link header");
    }

    @Test
    void neverSendsTheTokenToAnotherHostALinkNames() {
        canvas.stubFor(get(urlPathEqualTo(ENROLLMENTS)).willReturn(okJson("[]")
                .withHeader("Link", "<https://elsewhere.example.com/api/v1/x?page=2>; rel=\"next\"")));

        assertThatThrownBy(() -> client.list(ENROLLMENTS))
                .isInstanceOf(CanvasException.BadResponse.class).hasMessageContaining("another host");
    }

    @Test
    void answersEachRefusalWithItsOwnErrorTypeAndDoesNotRetryIt() {
        canvas.stubFor(get("/api/v1/a401").willReturn(aResponse().withStatus(401).withBody(body("unauthorized-401.json"))));
        canvas.stubFor(get("/api/v1/a403").willReturn(aResponse().withStatus(403).withBody(body("forbidden-403.json"))));
        canvas.stubFor(get("/api/v1/a404").willReturn(aResponse().withStatus(404).withBody(body("not-found-404.json"))));
        canvas.stubFor(get("/api/v1/a422").willReturn(aResponse().withStatus(422).withBody(body("unprocessable-422.json"))));

        assertThatThrownBy(() -> client.get("/api/v1/a401")).isInstanceOf(CanvasException.Unauthorized.class);
        assertThatThrownBy(() -> client.get("/api/v1/a403")).isInstanceOf(CanvasException.Forbidden.class)
                .hasMessageContaining("user not authorized");
        assertThatThrownBy(() -> client.get("/api/v1/a404")).isInstanceOf(CanvasException.NotFound.class);
        assertThatThrownBy(() -> client.get("/api/v1/a422")).isInstanceOf(CanvasException.Unprocessable.class);
        assertThat(client.callCount().calls()).isEqualTo(4);
    }

    @Test
    void takesRateLimit403AsWaitAndRetryNotAsAPermissionError() {
        canvas.stubFor(get("/api/v1/courses/205").inScenario("bucket").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(403).withHeader("X-Rate-Limit-Remaining", "0")
                        .withBody(body("rate-limit-403.txt")))
                .willSetStateTo("drained"));
        canvas.stubFor(get("/api/v1/courses/205").inScenario("bucket").whenScenarioStateIs("drained")
                .willReturn(okJson("{\"id\":205,\"name\":\"SQL\"}").withHeader("X-Rate-Limit-Remaining", "650")));

        JsonNode course = client.get("/api/v1/courses/205");

        assertThat(course.get("id").asInt()).isEqualTo(205);
        assertThat(client.callCount().rateLimitRefusals()).isEqualTo(1);
        assertThat(client.callCount().calls()).isEqualTo(2);
    }

    @Test
    void retriesServerErrorsThenReportsCanvasUnavailable() {
        canvas.stubFor(get("/api/v1/courses/205").willReturn(aResponse().withStatus(503).withBody("down for maintenance")));

        assertThatThrownBy(() -> client.get("/api/v1/courses/205"))
                .isInstanceOf(CanvasException.Unavailable.class).hasMessageContaining("503");
        canvas.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/courses/205")));
    }

    @Test
    void retriesATimeoutAndSucceeds() {
        canvas.stubFor(get("/api/v1/courses/205").inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{}").withFixedDelay(1500)).willSetStateTo("fast"));
        canvas.stubFor(get("/api/v1/courses/205").inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(okJson("{\"id\":205}")));
        CanvasClient impatient = new CanvasClient(new CanvasProperties(canvas.baseUrl(), 2, 1, 0, 10, 3,
                Duration.ofMillis(10), Duration.ofMillis(500)), CanvasAccessToken.fixed("t"), new OkHttpClient(), new ObjectMapper());

        assertThat(impatient.get("/api/v1/courses/205").get("id").asInt()).isEqualTo(205);
    }

    @Test
    void refusesAnAnswerThatIsNotJson() {
        canvas.stubFor(get("/api/v1/courses/205").willReturn(aResponse().withStatus(200).withBody("<html>login</html>")));

        assertThatThrownBy(() -> client.get("/api/v1/courses/205")).isInstanceOf(CanvasException.BadResponse.class);
    }
}
