package dev.waypoint.app.canvas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Canvas configurations set through the API, in {@code canvas_tenant} (V80), secrets included. The
 * throttling and retry settings are not stored: a stored tenant uses the defaults of
 * {@link CanvasSettings.Tenant} except for the calls in flight.
 */
public class JdbcCanvasTenantConfigs {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    public JdbcCanvasTenantConfigs(JdbcClient jdbc, TransactionTemplate tx, ObjectMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    /** A stored configuration and when it was last changed. */
    public record Stored(CanvasSettings.Tenant tenant, Instant updatedAt) {
    }

    public Optional<Stored> find(String tenantId) {
        return jdbc.sql("SELECT * FROM canvas_tenant WHERE tenant_id = ?").param(tenantId)
                .query((rs, n) -> new Stored(tenant(rs), rs.getTimestamp("updated_at").toInstant())).optional();
    }

    public List<String> tenantIds() {
        return jdbc.sql("SELECT tenant_id FROM canvas_tenant ORDER BY tenant_id").query(String.class).list();
    }

    /** Replaces the tenant's configuration, or stores its first one. */
    public void save(String tenantId, CanvasSettings.Tenant tenant, Instant at) {
        tx.executeWithoutResult(status -> {
            Object[] values = {tenant.baseUrl(), tenant.accessToken(), tenant.oauthClientId(), tenant.oauthClientSecret(),
                    tenant.oauthRefreshToken(), courses(tenant.courses()), tenant.syncCron(), tenant.writeBackCourseId(),
                    tenant.pathModule(), tenant.liveEventsJwksUrl(), tenant.liveEventsSecret(), tenant.maxConcurrentCalls(),
                    Timestamp.from(at), tenantId};
            int updated = jdbc.sql("""
                    UPDATE canvas_tenant SET base_url = ?, access_token = ?, oauth_client_id = ?, oauth_client_secret = ?,
                        oauth_refresh_token = ?, courses = ?, sync_cron = ?, write_back_course_id = ?, path_module = ?,
                        live_events_jwks_url = ?, live_events_secret = ?, max_concurrent_calls = ?, updated_at = ?
                    WHERE tenant_id = ?""").params(values).update();
            if (updated == 0) {
                jdbc.sql("""
                        INSERT INTO canvas_tenant (base_url, access_token, oauth_client_id, oauth_client_secret,
                            oauth_refresh_token, courses, sync_cron, write_back_course_id, path_module,
                            live_events_jwks_url, live_events_secret, max_concurrent_calls, updated_at, tenant_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
            }
        });
    }

    private CanvasSettings.Tenant tenant(ResultSet rs) throws SQLException {
        return CanvasSettings.Tenant.withDefaults(rs.getString("base_url"), rs.getString("access_token"),
                rs.getString("oauth_client_id"), rs.getString("oauth_client_secret"), rs.getString("oauth_refresh_token"),
                rs.getInt("max_concurrent_calls"), rs.getString("live_events_secret"), rs.getString("live_events_jwks_url"),
                rs.getString("write_back_course_id"), rs.getBoolean("path_module"), courses(rs.getString("courses")),
                rs.getString("sync_cron"));
    }

    private String courses(List<String> courses) {
        try {
            return json.writeValueAsString(courses);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> courses(String stored) {
        try {
            return json.readValue(stored, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canvas_tenant.courses is not a JSON list", e);
        }
    }
}
