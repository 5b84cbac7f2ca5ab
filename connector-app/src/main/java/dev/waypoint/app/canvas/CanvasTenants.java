package dev.waypoint.app.canvas;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.canvas.CanvasAccessToken;
import dev.waypoint.canvas.CanvasClient;
import dev.waypoint.canvas.CanvasEvidenceSource;
import dev.waypoint.canvas.CanvasLiveEventSignature;
import dev.waypoint.canvas.CanvasMapper;
import dev.waypoint.canvas.CanvasOAuthToken;
import dev.waypoint.canvas.CanvasWatermarks;
import dev.waypoint.canvas.CanvasWriteBackTarget;
import dev.waypoint.core.ingest.EvidenceSink;
import dev.waypoint.core.store.TenantRepository;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's Canvas: its configuration — the one stored through the API ({@code canvas_tenant}), else
 * the one in {@code waypoint.canvas.tenants} — and the client, evidence source and Live Events signature
 * check built from it. They are built once per configuration and kept, so a client's throttling state and
 * OAuth tokens live across calls; a changed configuration builds them afresh (on every node, since each
 * lookup reads the stored row).
 */
public class CanvasTenants {

    private final CanvasSettings settings;
    private final JdbcCanvasTenantConfigs stored;
    private final EvidenceSink sink;
    private final ActiveTaxonomy taxonomy;
    private final CanvasWatermarks watermarks;
    private final ObjectMapper json;
    private final Clock clock;
    private final OkHttpClient http = new OkHttpClient();
    private final Map<String, Connected> built = new ConcurrentHashMap<>();

    public CanvasTenants(CanvasSettings settings, JdbcCanvasTenantConfigs stored, EvidenceSink sink, ActiveTaxonomy taxonomy,
                         TenantRepository tenants, CanvasWatermarks watermarks, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.stored = stored;
        this.sink = sink;
        this.taxonomy = taxonomy;
        this.watermarks = watermarks;
        this.json = json;
        this.clock = clock;
        // configuration mistakes in the properties stop the start, where the admin sees them
        settings.tenants().forEach((tenantId, tenant) -> {
            tenants.ensure(tenantId, tenantId);
            build(tenantId, tenant, "waypoint.canvas.tenants." + tenantId);
        });
    }

    /** The tenant's configuration in force, and where it comes from. */
    public Optional<Configured> configuration(String tenantId) {
        Optional<JdbcCanvasTenantConfigs.Stored> row = stored.find(tenantId);
        if (row.isPresent()) {
            return Optional.of(new Configured(row.get().tenant(), "api", row.get().updatedAt()));
        }
        return Optional.ofNullable(settings.tenants().get(tenantId)).map(t -> new Configured(t, "properties", null));
    }

    /** A configuration and its origin: {@code api} (stored, {@code updatedAt} set) or {@code properties}. */
    public record Configured(CanvasSettings.Tenant tenant, String source, java.time.Instant updatedAt) {
    }

    public Optional<Connected> find(String tenantId) {
        return configuration(tenantId).map(configured -> {
            Connected current = built.get(tenantId);
            if (current != null && current.settings().equals(configured.tenant())) {
                return current;
            }
            return build(tenantId, configured.tenant(), "Canvas of tenant '" + tenantId + "'");
        });
    }

    /** Where the tenant's readiness is written back; empty without a write-back course. */
    public Optional<CanvasWriteBackTarget> writeBackTarget(String tenantId) {
        return find(tenantId).filter(c -> c.settings().writeBackCourseId() != null && !c.settings().writeBackCourseId().isBlank())
                .map(c -> new CanvasWriteBackTarget(c.client(), c.settings().writeBackCourseId(), c.settings().pathModule()));
    }

    /** Every tenant with a Canvas, from the database and the properties. */
    public List<String> tenantIds() {
        TreeSet<String> ids = new TreeSet<>(settings.tenants().keySet());
        ids.addAll(stored.tenantIds());
        return List.copyOf(ids);
    }

    /** The schedule of the tenant's sync: its own, else {@code waypoint.canvas.sync-cron}; "-" for none. */
    public String syncCron(CanvasSettings.Tenant tenant) {
        return tenant.syncCron() != null && !tenant.syncCron().isBlank() ? tenant.syncCron() : settings.syncCron();
    }

    private Connected build(String tenantId, CanvasSettings.Tenant tenant, String where) {
        if (tenant.baseUrl() == null || tenant.baseUrl().isBlank()) {
            throw new IllegalStateException(where + ": base-url is required");
        }
        CanvasClient client = new CanvasClient(tenant.toProperties(), token(where, tenant), http, json);
        CanvasLiveEventSignature signature = tenant.liveEventsJwksUrl() == null || tenant.liveEventsJwksUrl().isBlank()
                ? null : new CanvasLiveEventSignature(tenant.liveEventsJwksUrl(), http, json);
        Connected connected = new Connected(tenant, client,
                new CanvasEvidenceSource(client, new CanvasMapper(), sink, taxonomy, watermarks, clock), signature);
        built.put(tenantId, connected);
        return connected;
    }

    private CanvasAccessToken token(String where, CanvasSettings.Tenant tenant) {
        if (tenant.usesDeveloperKey()) {
            return new CanvasOAuthToken(tenant.baseUrl(), tenant.oauthClientId(), tenant.oauthClientSecret(),
                    tenant.oauthRefreshToken(), http, json, clock);
        }
        if (tenant.accessToken() == null || tenant.accessToken().isBlank()) {
            throw new IllegalStateException(where
                    + ": set access-token, or oauth-client-id with oauth-client-secret and oauth-refresh-token");
        }
        return CanvasAccessToken.fixed(tenant.accessToken());
    }

    /** One tenant's Canvas: its settings, its REST client, its evidence source and its Live Events check. */
    public record Connected(CanvasSettings.Tenant settings, CanvasClient client, CanvasEvidenceSource source,
                            CanvasLiveEventSignature signature) {
    }
}
