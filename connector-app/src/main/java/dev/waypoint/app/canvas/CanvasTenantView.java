package dev.waypoint.app.canvas;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's Canvas configuration as the API shows it: every setting, but of each secret only whether
 * one is set. {@code source} is {@code api} (stored through PUT) or {@code properties}.
 */
public record CanvasTenantView(String tenant, String source, Instant updatedAt, String baseUrl, String auth,
                               boolean accessTokenSet, String oauthClientId, boolean oauthClientSecretSet,
                               boolean oauthRefreshTokenSet, List<String> courses, String syncCron,
                               String writeBackCourseId, boolean pathModule, String liveEventsJwksUrl,
                               boolean liveEventsSecretSet, int maxConcurrentCalls, CanvasSyncRun lastSync) {

    static CanvasTenantView of(String tenantId, CanvasTenants.Configured configured, String effectiveCron,
                               CanvasSyncRun lastSync) {
        CanvasSettings.Tenant t = configured.tenant();
        return new CanvasTenantView(tenantId, configured.source(), configured.updatedAt(), t.baseUrl(),
                t.usesDeveloperKey() ? "developer_key" : "access_token", set(t.accessToken()), t.oauthClientId(),
                set(t.oauthClientSecret()), set(t.oauthRefreshToken()), t.courses(), effectiveCron, t.writeBackCourseId(),
                t.pathModule(), t.liveEventsJwksUrl(), set(t.liveEventsSecret()), t.maxConcurrentCalls(), lastSync);
    }

    private static boolean set(String secret) {
        return secret != null && !secret.isBlank();
    }
}
