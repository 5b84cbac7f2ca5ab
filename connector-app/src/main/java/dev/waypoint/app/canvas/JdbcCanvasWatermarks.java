package dev.waypoint.app.canvas;

import dev.waypoint.canvas.CanvasWatermarks;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The "graded since" watermark of each tenant's courses, in {@code canvas_sync_watermark} (V80), so a restart keeps it. */
public class JdbcCanvasWatermarks implements CanvasWatermarks {

    private final JdbcClient jdbc;

    public JdbcCanvasWatermarks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> lastPassStarted(String tenantId, String courseId) {
        return jdbc.sql("SELECT last_pass_started_at FROM canvas_sync_watermark WHERE tenant_id = ? AND course_id = ?")
                .params(tenantId, courseId).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    @Override
    public void passSucceeded(String tenantId, String courseId, Instant started) {
        // a pass only moves the watermark forward: a slow pass finishing after a newer one must not move it back
        int moved = jdbc.sql("""
                        UPDATE canvas_sync_watermark SET last_pass_started_at = ?
                        WHERE tenant_id = ? AND course_id = ? AND last_pass_started_at < ?""")
                .params(Timestamp.from(started), tenantId, courseId, Timestamp.from(started)).update();
        if (moved == 0) {
            jdbc.sql("""
                            INSERT INTO canvas_sync_watermark (tenant_id, course_id, last_pass_started_at)
                            VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(tenantId, courseId, Timestamp.from(started)).update();
        }
    }
}
