package dev.waypoint.canvas;

import java.time.Duration;
import java.util.Objects;

/**
 * How Waypoint talks to one Canvas instance. Canvas throttles per access token with a leaky bucket
 * (the "Throttling" page of the Canvas REST API documentation): every answer says how much of the
 * bucket is left ({@code X-Rate-Limit-Remaining}) and what the call cost ({@code X-Request-Cost}).
 *
 * @param baseUrl            e.g. {@code https://school.instructure.com}; paging links are only followed on this host
 * @param perPage            {@code per_page} asked for on every list call (Canvas caps it, usually at 100)
 * @param maxConcurrentCalls calls in flight per token; Canvas charges parallel requests extra, keep it small
 * @param slowDownBelow      when the bucket left is below this, wait before the next call
 * @param bucketLeakPerSecond how fast Canvas refills the bucket, used to compute how long to wait
 * @param maxAttempts        tries per call on rate limits, 5xx and timeouts (including the first)
 * @param retryBackoff       the first wait between tries; doubled each time
 * @param callTimeout        the whole of one HTTP call
 */
public record CanvasProperties(String baseUrl, int perPage, int maxConcurrentCalls, double slowDownBelow,
                               double bucketLeakPerSecond, int maxAttempts, Duration retryBackoff,
                               Duration callTimeout) {

    public CanvasProperties {
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (perPage < 1 || maxConcurrentCalls < 1 || maxAttempts < 1 || bucketLeakPerSecond <= 0) {
            throw new IllegalArgumentException("perPage, maxConcurrentCalls, maxAttempts and bucketLeakPerSecond must be positive");
        }
        retryBackoff = retryBackoff == null ? Duration.ofMillis(500) : retryBackoff;
        callTimeout = callTimeout == null ? Duration.ofSeconds(30) : callTimeout;
    }

    /** Canvas's documented bucket (700 units, refilled at about 10 a second), two calls at a time. */
    public static CanvasProperties defaults(String baseUrl) {
        return new CanvasProperties(baseUrl, 100, 2, 150, 10, 5, Duration.ofMillis(500), Duration.ofSeconds(30));
    }
}
