package dev.waypoint.app.hrsync;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.waypoint.core.hrsync.BatchOutput;
import dev.waypoint.core.hrsync.HrSyncBatch;
import dev.waypoint.core.hrsync.OutputUnavailableException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HR endpoint as WireMock plays it: signed bodies, idempotency keys, retries and refusals. */
class HttpBatchOutputTest {

    private static final String SECRET = "shared-secret-for-tests";

    private WireMockServer hr;
    private HttpBatchOutput output;

    @BeforeEach
    void setUp() {
        hr = new WireMockServer(options().dynamicPort());
        hr.start();
        output = new HttpBatchOutput(new OkHttpClient(), new HrSyncProperties.Http(
                hr.baseUrl() + "/skills", SECRET, Duration.ofMillis(500), 3, Duration.ofMillis(10)));
    }

    @AfterEach
    void tearDown() {
        hr.stop();
    }

    private static HrSyncBatch batch(int no) {
        return new HrSyncBatch("run-1", no, HrSyncBatch.idempotencyKey("run-1", no), HrSyncBatch.State.PENDING, 1, 1, 0,
                "{\"schemaVersion\":1,\"batch\":" + no + ",\"records\":[{\"skillId\":\"sql\",\"name\":\"Åsa\"}]}", null);
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void signsTheExactBodyAndSendsTheBatchKey() throws Exception {
        hr.stubFor(post("/skills").willReturn(aResponse().withStatus(202)));

        BatchOutput.Delivery delivery = output.deliver("default", batch(7));

        assertThat(delivery.accepted()).isTrue();
        LoggedRequest request = hr.findAll(postRequestedFor(urlEqualTo("/skills"))).get(0);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("run-1-7");
        assertThat(request.getHeader("X-Waypoint-Signature")).isEqualTo(hmac(request.getBody()));
        assertThat(request.getHeader("X-Waypoint-Signature")).isNotEqualTo(hmac("{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getBodyAsString()).isEqualTo(batch(7).body());
    }

    @Test
    void retriesServerErrorsUnderTheSameKey() throws Exception {
        hr.stubFor(post("/skills").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        hr.stubFor(post("/skills").inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(429)).willSetStateTo("third"));
        hr.stubFor(post("/skills").inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200)));

        assertThat(output.deliver("default", batch(1)).accepted()).isTrue();

        List<LoggedRequest> requests = hr.findAll(postRequestedFor(urlEqualTo("/skills")));
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly("run-1-1");
    }

    @Test
    void refusalIsReportedOnTheBatchAndNotRetried() throws Exception {
        hr.stubFor(post("/skills").willReturn(aResponse().withStatus(422).withBody("{\"error\":\"unknown employee E9\"}")));

        BatchOutput.Delivery delivery = output.deliver("default", batch(2));

        assertThat(delivery.accepted()).isFalse();
        assertThat(delivery.reason()).contains("HTTP 422", "unknown employee E9");
        assertThat(hr.findAll(postRequestedFor(urlEqualTo("/skills")))).hasSize(1);
    }

    @Test
    void endpointDownStopsAfterTheConfiguredAttempts() {
        hr.stubFor(post("/skills").willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> output.deliver("default", batch(3)))
                .isInstanceOf(OutputUnavailableException.class)
                .hasMessageContaining("HTTP 500");
        assertThat(hr.findAll(postRequestedFor(urlEqualTo("/skills")))).hasSize(3);
    }

    @Test
    void slowEndpointTimesOutAndIsRetried() {
        hr.stubFor(post("/skills").willReturn(aResponse().withStatus(200).withFixedDelay(2000)));

        assertThatThrownBy(() -> output.deliver("default", batch(4)))
                .isInstanceOf(OutputUnavailableException.class)
                .hasMessageContaining("did not answer");
        assertThat(hr.findAll(postRequestedFor(urlEqualTo("/skills")))).hasSize(3);
    }

    @Test
    void unreachableEndpointIsUnavailableNotRefused() {
        hr.stop();

        assertThatThrownBy(() -> output.deliver("default", batch(5)))
                .isInstanceOf(OutputUnavailableException.class)
                .hasMessageContaining("unreachable");
    }
}
