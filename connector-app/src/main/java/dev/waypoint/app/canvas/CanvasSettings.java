package dev.waypoint.app.canvas;

import dev.waypoint.canvas.CanvasProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * The Canvas instances Waypoint reads ({@code waypoint.canvas.*}), one per tenant. A tenant gives either
 * a fixed {@code access-token} or a developer key ({@code oauth-client-id}, {@code oauth-client-secret},
 * {@code oauth-refresh-token}). Secrets come from the environment, never from a committed file.
 *
 * @param syncCron when the scheduled full sync runs ("-": never; sync on demand through the API)
 */
@ConfigurationProperties("waypoint.canvas")
public record CanvasSettings(@DefaultValue("-") String syncCron, Map<String, Tenant> tenants) {

    public CanvasSettings {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    /**
     * One tenant's Canvas.
     *
     * @param liveEventsSecret the shared secret Live Events must carry when Canvas signing is off
     * @param liveEventsJwksUrl Canvas's public keys for signed Live Events; set it to require signatures
     * @param writeBackCourseId the course Waypoint is installed in: readiness line items and path modules go there;
     *                          empty: nothing is written back to this Canvas
     * @param pathModule        whether the path is also written as a module only the learner sees
     */
    public record Tenant(String baseUrl, String accessToken, String oauthClientId, String oauthClientSecret,
                         String oauthRefreshToken,
                         @DefaultValue("100") int perPage,
                         @DefaultValue("2") int maxConcurrentCalls,
                         @DefaultValue("150") double slowDownBelow,
                         @DefaultValue("10") double bucketLeakPerSecond,
                         @DefaultValue("5") int maxAttempts,
                         @DefaultValue("500ms") Duration retryBackoff,
                         @DefaultValue("30s") Duration callTimeout,
                         String liveEventsSecret,
                         String liveEventsJwksUrl,
                         String writeBackCourseId,
                         @DefaultValue("false") boolean pathModule) {

        CanvasProperties toProperties() {
            return new CanvasProperties(baseUrl, perPage, maxConcurrentCalls, slowDownBelow, bucketLeakPerSecond,
                    maxAttempts, retryBackoff, callTimeout);
        }

        @Override
        public String toString() {
            return "Canvas tenant at " + baseUrl + " (credentials hidden)";
        }
    }
}
