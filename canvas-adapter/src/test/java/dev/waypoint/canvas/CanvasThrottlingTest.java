package dev.waypoint.canvas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a stub that enforces a leaky bucket (capacity 100, cost 10 a call, drained at 200 a second),
 * the client reads the bucket headers and slows down so that no call is refused; a client told not to
 * slow down runs the same bucket dry, which shows the stub really enforces it.
 */
class CanvasThrottlingTest {

    private static final int CALLS = 40;

    private WireMockServer canvas;

    private LeakyBucketCanvas startBucket() {
        LeakyBucketCanvas bucket = new LeakyBucketCanvas(100, 200, 10);
        canvas = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(bucket));
        canvas.start();
        canvas.stubFor(get(urlPathMatching("/api/v1/courses/\\d+")).willReturn(okJson("{\"id\":1}")));
        return bucket;
    }

    @AfterEach
    void stop() {
        canvas.stop();
    }

    private CanvasClient client(double slowDownBelow) {
        return new CanvasClient(new CanvasProperties(canvas.baseUrl(), 100, 1, slowDownBelow, 200, 8,
                Duration.ofMillis(50), Duration.ofSeconds(5)), CanvasAccessToken.fixed("t"), new OkHttpClient(), new ObjectMapper());
    }

    @Test
    void slowsDownBeforeTheBucketIsEmptyAndFinishesWithoutOneRefusal() {
        LeakyBucketCanvas bucket = startBucket();
        CanvasClient client = client(30);

        for (int i = 0; i < CALLS; i++) {
            client.get("/api/v1/courses/" + i);
        }

        assertThat(bucket.refused()).isZero();
        assertThat(bucket.served()).isEqualTo(CALLS);
        assertThat(client.callCount().rateLimitRefusals()).isZero();
        assertThat(client.callCount().pausedForBucket()).isGreaterThan(Duration.ofMillis(500));
    }

    @Test
    void aClientThatDoesNotSlowDownIsRefusedByTheSameBucketButStillFinishesByRetrying() {
        LeakyBucketCanvas bucket = startBucket();
        // a mark below any bucket and cost: the client never waits
        CanvasClient client = client(-1e9);

        for (int i = 0; i < CALLS; i++) {
            client.get("/api/v1/courses/" + i);
        }

        assertThat(bucket.refused()).isPositive();
        assertThat(client.callCount().rateLimitRefusals()).isEqualTo(bucket.refused());
        assertThat(bucket.served()).isEqualTo(CALLS);
    }
}
