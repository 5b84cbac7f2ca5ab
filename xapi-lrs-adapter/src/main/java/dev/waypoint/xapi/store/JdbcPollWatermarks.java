package dev.waypoint.xapi.store;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Where each LRS poller got to ({@code xapi_poll_watermark}): the {@code stored} time of the last statement
 * it handed on, kept as the LRS wrote it so the next {@code since} is exactly what the LRS understands.
 */
public class JdbcPollWatermarks {

    private final JdbcTemplate jdbc;

    public JdbcPollWatermarks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> since(String lrsName) {
        return jdbc.query("SELECT since FROM xapi_poll_watermark WHERE lrs_name = ?", (rs, n) -> rs.getString(1), lrsName)
                .stream().findFirst();
    }

    public void advance(String lrsName, String tenantId, String since, Instant now) {
        int updated = jdbc.update("UPDATE xapi_poll_watermark SET since = ?, updated_at = ? WHERE lrs_name = ?",
                since, now.atOffset(ZoneOffset.UTC), lrsName);
        if (updated == 0) {
            jdbc.update("INSERT INTO xapi_poll_watermark (lrs_name, tenant_id, since, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    lrsName, tenantId, since, now.atOffset(ZoneOffset.UTC));
        }
    }
}
