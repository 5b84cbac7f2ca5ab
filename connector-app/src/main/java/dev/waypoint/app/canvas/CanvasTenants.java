package dev.waypoint.app.canvas;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.canvas.CanvasAccessToken;
import dev.waypoint.canvas.CanvasClient;
import dev.waypoint.canvas.CanvasEvidenceSource;
import dev.waypoint.canvas.CanvasLiveEventSignature;
import dev.waypoint.canvas.CanvasMapper;
import dev.waypoint.canvas.CanvasOAuthToken;
import dev.waypoint.canvas.CanvasSyncReport;
import dev.waypoint.canvas.CanvasWriteBackTarget;
import dev.waypoint.core.ingest.EvidenceSink;
import dev.waypoint.core.store.TenantRepository;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured Canvas instances, one client and evidence source per tenant, and when each was last
 * synced in full (graded submissions are then read since that moment; evidence being idempotent, a
 * restart that forgets it only reads more, never counts twice).
 */
public class CanvasTenants {

    private final Map<String, Connected> byTenant = new LinkedHashMap<>();
    private final Map<String, Instant> lastSyncStarted = new ConcurrentHashMap<>();
    private final Map<String, LastSync> lastSync = new ConcurrentHashMap<>();
    private final Clock clock;

    public CanvasTenants(CanvasSettings settings, EvidenceSink sink, ActiveTaxonomy taxonomy, TenantRepository tenants,
                         ObjectMapper json, Clock clock) {
        this.clock = clock;
        OkHttpClient http = new OkHttpClient();
        settings.tenants().forEach((tenantId, tenant) -> {
            if (tenant.baseUrl() == null || tenant.baseUrl().isBlank()) {
                throw new IllegalStateException("waypoint.canvas.tenants." + tenantId + ".base-url is required");
            }
            tenants.ensure(tenantId, tenantId);
            CanvasClient client = new CanvasClient(tenant.toProperties(), token(tenantId, tenant, http, json), http, json);
            CanvasLiveEventSignature signature = tenant.liveEventsJwksUrl() == null || tenant.liveEventsJwksUrl().isBlank()
                    ? null : new CanvasLiveEventSignature(tenant.liveEventsJwksUrl(), http, json);
            byTenant.put(tenantId, new Connected(tenant, client,
                    new CanvasEvidenceSource(client, new CanvasMapper(), sink, taxonomy, clock), signature));
        });
    }

    private CanvasAccessToken token(String tenantId, CanvasSettings.Tenant tenant, OkHttpClient http, ObjectMapper json) {
        if (tenant.oauthClientId() != null && !tenant.oauthClientId().isBlank()) {
            return new CanvasOAuthToken(tenant.baseUrl(), tenant.oauthClientId(), tenant.oauthClientSecret(),
                    tenant.oauthRefreshToken(), http, json, clock);
        }
        if (tenant.accessToken() == null || tenant.accessToken().isBlank()) {
            throw new IllegalStateException("waypoint.canvas.tenants." + tenantId
                    + ": set access-token, or oauth-client-id with oauth-client-secret and oauth-refresh-token");
        }
        return CanvasAccessToken.fixed(tenant.accessToken());
    }

    public Optional<Connected> find(String tenantId) {
        return Optional.ofNullable(byTenant.get(tenantId));
    }

    /** Where each tenant's readiness is written back; tenants without a write-back course are left out. */
    public Map<String, CanvasWriteBackTarget> writeBackTargets() {
        Map<String, CanvasWriteBackTarget> targets = new LinkedHashMap<>();
        byTenant.forEach((tenantId, connected) -> {
            String course = connected.settings().writeBackCourseId();
            if (course != null && !course.isBlank()) {
                targets.put(tenantId, new CanvasWriteBackTarget(connected.client(), course, connected.settings().pathModule()));
            }
        });
        return targets;
    }

    public Iterable<String> tenantIds() {
        return byTenant.keySet();
    }

    /** A full sync of one tenant; submissions graded since the last sync's start. */
    public CanvasSyncReport sync(String tenantId) {
        Connected connected = byTenant.get(tenantId);
        if (connected == null) {
            throw new IllegalArgumentException("no Canvas is configured for tenant " + tenantId);
        }
        Instant started = clock.instant();
        CanvasSyncReport report = connected.source().sync(tenantId, lastSyncStarted.get(tenantId));
        lastSync.put(tenantId, new LastSync(started, report));
        if (report.failures().isEmpty()) {
            lastSyncStarted.put(tenantId, started);
        }
        return report;
    }

    /** The last sync of a tenant since this node started, for the admin console. */
    public Optional<LastSync> lastSync(String tenantId) {
        return Optional.ofNullable(lastSync.get(tenantId));
    }

    /** A sync's start and its report. */
    public record LastSync(Instant startedAt, CanvasSyncReport report) {
    }

    /** One tenant's Canvas: its settings, its REST client and its evidence source. */
    public record Connected(CanvasSettings.Tenant settings, CanvasClient client, CanvasEvidenceSource source,
                            CanvasLiveEventSignature signature) {
    }
}
