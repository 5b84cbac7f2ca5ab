package dev.waypoint.canvas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.waypoint.canvas.CanvasApiBodies.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Developer-key OAuth2 tokens: refreshed ahead of expiry, and once more when Canvas rejects one. */
class CanvasTokenTest {

    private static final String TOKEN_PATH = "/login/oauth2/token";

    private WireMockServer canvas;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T08:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @BeforeEach
    void start() {
        canvas = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        canvas.start();
    }

    @AfterEach
    void stop() {
        canvas.stop();
    }

    private CanvasOAuthToken token(String refreshToken) {
        return new CanvasOAuthToken(canvas.baseUrl(), "10000000000001", "dev-key-secret", refreshToken,
                new OkHttpClient(), new ObjectMapper(), clock);
    }

    @Test
    void refreshesTheAccessTokenAMinuteBeforeItExpires() {
        canvas.stubFor(post(TOKEN_PATH).willReturn(okJson(body("oauth2-token.json"))));
        CanvasOAuthToken token = token("refresh-1");

        assertThat(token.bearer()).isEqualTo("fresh-access-token");
        now.set(now.get().plusSeconds(3600 - 120));
        token.bearer();
        canvas.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));

        now.set(now.get().plusSeconds(90));
        token.bearer();
        canvas.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=refresh-1")));
    }

    @Test
    void renewsARejectedTokenAndTriesTheCallOnceMore() {
        canvas.stubFor(post(TOKEN_PATH).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"access_token\":\"revoked-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}"))
                .willSetStateTo("second"));
        canvas.stubFor(post(TOKEN_PATH).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(body("oauth2-token.json"))));
        canvas.stubFor(get("/api/v1/courses/205").withHeader("Authorization", equalTo("Bearer revoked-token"))
                .willReturn(aResponse().withStatus(401).withBody(body("unauthorized-401.json"))));
        canvas.stubFor(get("/api/v1/courses/205").withHeader("Authorization", equalTo("Bearer fresh-access-token"))
                .willReturn(okJson("{\"id\":205}")));
        CanvasClient client = new CanvasClient(CanvasProperties.defaults(canvas.baseUrl()), token("refresh-1"),
                new OkHttpClient(), new ObjectMapper());

        assertThat(client.get("/api/v1/courses/205").get("id").asInt()).isEqualTo(205);
        canvas.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void aTokenStillRejectedAfterRenewalIsUnauthorizedNotALoop() {
        canvas.stubFor(post(TOKEN_PATH).willReturn(okJson(body("oauth2-token.json"))));
        canvas.stubFor(get("/api/v1/courses/205").willReturn(aResponse().withStatus(401).withBody(body("unauthorized-401.json"))));
        CanvasClient client = new CanvasClient(new CanvasProperties(canvas.baseUrl(), 10, 1, 0, 10, 3,
                Duration.ofMillis(10), Duration.ofSeconds(5)), token("refresh-1"), new OkHttpClient(), new ObjectMapper());

        assertThatThrownBy(() -> client.get("/api/v1/courses/205")).isInstanceOf(CanvasException.Unauthorized.class);
        assertThat(client.callCount().calls()).isEqualTo(2);
    }

    @Test
    void aRevokedRefreshTokenIsUnauthorizedWithAClearWord() {
        canvas.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"refresh_token not found\"}")));

        assertThatThrownBy(() -> token("revoked").bearer())
                .isInstanceOf(CanvasException.Unauthorized.class).hasMessageContaining("authorize the developer key again")
                .hasMessageNotContaining("dev-key-secret");
    }

    @Test
    void exchangesTheAuthorizationCodeForTheFirstTokens() {
        canvas.stubFor(post(TOKEN_PATH).withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("{\"access_token\":\"first\",\"refresh_token\":\"r-2\",\"expires_in\":3600}")));
        canvas.stubFor(post(TOKEN_PATH).withRequestBody(containing("refresh_token=r-2"))
                .willReturn(okJson(body("oauth2-token.json"))));
        CanvasOAuthToken token = token(null);

        assertThat(token.exchangeCode("code-xyz", "https://waypoint.example.com/canvas/oauth")).isEqualTo("r-2");
        assertThat(token.bearer()).isEqualTo("first");
        now.set(now.get().plusSeconds(3600));
        assertThat(token.bearer()).isEqualTo("fresh-access-token");
        assertThat(token.toString()).doesNotContain("dev-key-secret").doesNotContain("r-2");
    }

    @Test
    void theAuthorizationUrlCarriesTheClientTheRedirectAndTheStateEncoded() {
        String url = CanvasOAuthToken.authorizationUrl("https://school.instructure.com/", "10000000000042",
                "https://waypoint.example.com/console/canvas/authorized", "s t&ate");

        assertThat(url).startsWith("https://school.instructure.com/login/oauth2/auth?")
                .contains("client_id=10000000000042", "response_type=code",
                        "redirect_uri=https%3A%2F%2Fwaypoint.example.com%2Fconsole%2Fcanvas%2Fauthorized", "state=s%20t%26ate");
    }
}
