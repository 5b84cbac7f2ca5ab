package dev.waypoint.app.canvas;

import dev.waypoint.canvas.CanvasProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Canvas instances Waypoint reads ({@code waypoint.canvas.*}), one per tenant. A tenant gives either
 * a fixed {@code access-token} or a developer key ({@code oauth-client-id}, {@code oauth-client-secret},
 * {@code oauth-refresh-token}). Secrets come from the environment, never from a committed file.
 *
 * Tenants can also be configured through {@code PUT /api/v1/canvas/tenants/{tenant}}; a tenant stored
 * that way takes precedence over its entry here.
 *
 * @param syncCron when the scheduled full sync runs for a tenant that names no schedule of its own
 *                 ("-": never; sync on demand through the API)
 * @param lockTtl  how long the cluster lock of a running sync is held without renewal (renewed after each course)
 */
@ConfigurationProperties("waypoint.canvas")
public record CanvasSettings(@DefaultValue("-") String syncCron, @DefaultValue("10m") Duration lockTtl,
                             Map<String, Tenant> tenants) {

    public CanvasSettings {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
        lockTtl = lockTtl == null ? Duration.ofMinutes(10) : lockTtl;
    }

    /**
     * One tenant's Canvas.
     *
     * @param liveEventsSecret the shared secret Live Events must carry when Canvas signing is off
     * @param liveEventsJwksUrl Canvas's public keys for signed Live Events; set it to require signatures
     * @param writeBackCourseId the course Waypoint is installed in: readiness line items and path modules go there;
     *                          empty: nothing is written back to this Canvas
     * @param pathModule        whether the path is also written as a module only the learner sees
     * @param courses           the Canvas course ids to read; empty: every course the active taxonomy maps
     * @param syncCron          this tenant's schedule (Spring cron); null: {@code waypoint.canvas.sync-cron}
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
                         @DefaultValue("false") boolean pathModule,
                         List<String> courses,
                         String syncCron) {

        public Tenant {
            courses = courses == null ? List.of() : List.copyOf(courses);
        }

        /** A tenant set through the API: the throttling and retry settings are Canvas's documented defaults. */
        static Tenant withDefaults(String baseUrl, String accessToken, String oauthClientId, String oauthClientSecret,
                                   String oauthRefreshToken, int maxConcurrentCalls, String liveEventsSecret,
                                   String liveEventsJwksUrl, String writeBackCourseId, boolean pathModule,
                                   List<String> courses, String syncCron) {
            return new Tenant(baseUrl, accessToken, oauthClientId, oauthClientSecret, oauthRefreshToken, 100,
                    maxConcurrentCalls, 150, 10, 5, Duration.ofMillis(500), Duration.ofSeconds(30), liveEventsSecret,
                    liveEventsJwksUrl, writeBackCourseId, pathModule, courses, syncCron);
        }

        /** Whether this tenant authenticates with a developer key (OAuth2) rather than a fixed token. */
        /** The same tenant with the refresh token Canvas gave when an admin authorized the developer key. */
        public Tenant authorized(String refreshToken) {
            return new Tenant(baseUrl, accessToken, oauthClientId, oauthClientSecret, refreshToken, perPage,
                    maxConcurrentCalls, slowDownBelow, bucketLeakPerSecond, maxAttempts, retryBackoff, callTimeout,
                    liveEventsSecret, liveEventsJwksUrl, writeBackCourseId, pathModule, courses, syncCron);
        }

        public boolean usesDeveloperKey() {
            return oauthClientId != null && !oauthClientId.isBlank();
        }

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
