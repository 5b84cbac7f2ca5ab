package dev.waypoint.canvas;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A WireMock extension that throttles like Canvas (Canvas REST API "Throttling"): one leaky bucket per
 * server, each request costs {@code cost} units, the bucket drains at {@code leakPerSecond}; a request
 * that would overflow it is answered 403 "Rate Limit Exceeded" instead of its stub. Every answer carries
 * {@code X-Request-Cost} and {@code X-Rate-Limit-Remaining}.
 */
public final class LeakyBucketCanvas implements ResponseTransformerV2 {

    private final double capacity;
    private final double leakPerSecond;
    private final double cost;
    private double level;
    private long lastNanos = System.nanoTime();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong served = new AtomicLong();

    public LeakyBucketCanvas(double capacity, double leakPerSecond, double cost) {
        this.capacity = capacity;
        this.leakPerSecond = leakPerSecond;
        this.cost = cost;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        double remaining;
        boolean overflow;
        synchronized (this) {
            long now = System.nanoTime();
            level = Math.max(0, level - (now - lastNanos) / 1e9 * leakPerSecond);
            lastNanos = now;
            overflow = level + cost > capacity;
            if (!overflow) {
                level += cost;
            }
            remaining = capacity - level;
        }
        if (overflow) {
            refused.incrementAndGet();
            return Response.Builder.like(response).but().status(403)
                    .headers(response.getHeaders().plus(new HttpHeader("X-Rate-Limit-Remaining", "0"),
                            new HttpHeader("X-Request-Cost", "0")))
                    .body(CanvasApiBodies.body("rate-limit-403.txt")).build();
        }
        served.incrementAndGet();
        return Response.Builder.like(response).but()
                .headers(response.getHeaders().plus(new HttpHeader("X-Rate-Limit-Remaining", String.format(java.util.Locale.ROOT, "%.1f", remaining)),
                        new HttpHeader("X-Request-Cost", String.valueOf(cost))))
                .build();
    }

    public long refused() {
        return refused.get();
    }

    public long served() {
        return served.get();
    }

    @Override
    public String getName() {
        return "canvas-leaky-bucket";
    }
}
