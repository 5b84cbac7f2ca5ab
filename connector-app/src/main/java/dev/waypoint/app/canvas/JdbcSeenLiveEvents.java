package dev.waypoint.app.canvas;

import dev.waypoint.canvas.CanvasLiveEventIntake;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;

/** The Live Events each tenant has delivered, in {@code canvas_live_event} (V50). */
public class JdbcSeenLiveEvents implements CanvasLiveEventIntake.SeenEvents {

    private final JdbcClient jdbc;

    public JdbcSeenLiveEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean seen(String tenantId, String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM canvas_live_event WHERE tenant_id = ? AND event_id = ?")
                .params(tenantId, eventId).query(Long.class).single() > 0;
    }

    @Override
    public void remember(String tenantId, String eventId, String eventName, String outcome, Instant at) {
        jdbc.sql("""
                        INSERT INTO canvas_live_event (tenant_id, event_id, event_name, outcome, received_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(tenantId, eventId, eventName, outcome, Timestamp.from(at)).update();
    }
}
