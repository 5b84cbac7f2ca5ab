package dev.waypoint.app.canvas;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.canvas.CanvasOAuthToken;
import okhttp3.OkHttpClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Authorizing a tenant's Canvas developer key with the OAuth2 authorization code (RFC 6749 §4.1): the
 * address the admin's browser is sent to, and, once Canvas sends it back with a code, the exchange whose
 * refresh token is stored with the tenant's configuration (a secret: never shown again). Tying the return
 * to its start (the {@code state}) is the caller's: the console keeps it in the admin's session.
 */
@Component
public class CanvasAuthorization {

    private final CanvasTenants tenants;
    private final JdbcCanvasTenantConfigs stored;
    private final ObjectMapper json;
    private final Clock clock;
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(30, TimeUnit.SECONDS).build();

    public CanvasAuthorization(CanvasTenants tenants, JdbcCanvasTenantConfigs stored, ObjectMapper json, Clock clock) {
        this.tenants = tenants;
        this.stored = stored;
        this.json = json;
        this.clock = clock;
    }

    public String authorizationUrl(String tenantId, String redirectUri, String state) {
        CanvasSettings.Tenant tenant = developerKey(tenantId);
        return CanvasOAuthToken.authorizationUrl(tenant.baseUrl(), tenant.oauthClientId(), redirectUri, state);
    }

    /**
     * Exchanges Canvas's code and stores the refresh token. A tenant configured only in the properties is
     * stored from then on, with the token, so the authorization outlives a restart.
     */
    public void complete(String tenantId, String code, String redirectUri) {
        CanvasSettings.Tenant tenant = developerKey(tenantId);
        String refreshToken = new CanvasOAuthToken(tenant.baseUrl(), tenant.oauthClientId(), tenant.oauthClientSecret(),
                null, http, json, clock).exchangeCode(code, redirectUri);
        stored.save(tenantId, tenant.authorized(refreshToken), clock.instant());
    }

    private CanvasSettings.Tenant developerKey(String tenantId) {
        CanvasSettings.Tenant tenant = tenants.configuration(tenantId).map(CanvasTenants.Configured::tenant)
                .orElseThrow(() -> new NotAuthorizable("no Canvas is configured for tenant '" + tenantId + "'"));
        if (!tenant.usesDeveloperKey()) {
            throw new NotAuthorizable("tenant '" + tenantId + "' reaches Canvas with an access token, not a developer key");
        }
        if (tenant.oauthClientSecret() == null || tenant.oauthClientSecret().isBlank()) {
            throw new NotAuthorizable("tenant '" + tenantId + "' has no developer key secret (oauthClientSecret)");
        }
        return tenant;
    }

    /** The tenant has nothing to authorize: no Canvas, or one reached with a plain access token. */
    public static final class NotAuthorizable extends RuntimeException {
        NotAuthorizable(String message) {
            super(message);
        }
    }
}
