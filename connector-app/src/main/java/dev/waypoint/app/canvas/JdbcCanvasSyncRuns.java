package dev.waypoint.app.canvas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.canvas.CanvasSyncReport;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Canvas syncs that ran, in {@code canvas_sync_run} (V80): started, then finished with their counts. */
public class JdbcCanvasSyncRuns {

    /** Errors kept per run: a Canvas with hundreds of unreadable courses must not make a huge row. */
    private static final int ERRORS_KEPT = 50;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public JdbcCanvasSyncRuns(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public String started(String tenantId, String trigger, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO canvas_sync_run (id, tenant_id, trigger_name, status, started_at, courses, students, stored,
                    already_known, not_mapped, dead_lettered, calls, rate_limit_refusals, errors)
                VALUES (?, ?, ?, 'running', ?, 0, 0, 0, 0, 0, 0, 0, 0, '[]')""")
                .params(id, tenantId, trigger, Timestamp.from(at)).update();
        return id;
    }

    public void finished(String runId, CanvasSyncReport report, Instant at) {
        jdbc.sql("""
                UPDATE canvas_sync_run SET status = ?, finished_at = ?, courses = ?, students = ?, stored = ?,
                    already_known = ?, not_mapped = ?, dead_lettered = ?, calls = ?, rate_limit_refusals = ?, errors = ?
                WHERE id = ?""")
                .params(report.failures().isEmpty() ? "succeeded" : "partial", Timestamp.from(at), report.courses(),
                        report.students(), report.stored(), report.alreadyKnown(), report.notMapped(), report.deadLettered(),
                        report.calls(), report.rateLimitRefusals(), errors(report.failures()), runId)
                .update();
    }

    public void failed(String runId, String reason, Instant at) {
        jdbc.sql("UPDATE canvas_sync_run SET status = 'failed', finished_at = ?, errors = ? WHERE id = ?")
                .params(Timestamp.from(at), errors(List.of(String.valueOf(reason))), runId).update();
    }

    /** The tenant's most recent run, whatever its trigger and outcome. */
    public Optional<CanvasSyncRun> last(String tenantId) {
        return jdbc.sql("SELECT * FROM canvas_sync_run WHERE tenant_id = ? ORDER BY seq DESC LIMIT 1")
                .param(tenantId).query(this::run).optional();
    }

    /** When the tenant's most recent scheduled run started, on any node. */
    public Optional<Instant> lastScheduledStart(String tenantId) {
        return jdbc.sql("SELECT MAX(started_at) FROM canvas_sync_run WHERE tenant_id = ? AND trigger_name = 'scheduled'")
                .param(tenantId).query((rs, n) -> rs.getTimestamp(1)).optional().map(Timestamp::toInstant);
    }

    private CanvasSyncRun run(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        try {
            return new CanvasSyncRun(rs.getString("id"), rs.getString("tenant_id"), rs.getString("trigger_name"),
                    rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
                    finished == null ? null : finished.toInstant(), rs.getInt("courses"), rs.getInt("students"),
                    rs.getInt("stored"), rs.getInt("already_known"), rs.getInt("not_mapped"), rs.getInt("dead_lettered"),
                    rs.getLong("calls"), rs.getLong("rate_limit_refusals"),
                    json.readValue(rs.getString("errors"), new TypeReference<List<String>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canvas_sync_run.errors is not a JSON list", e);
        }
    }

    private String errors(List<String> errors) {
        try {
            return json.writeValueAsString(errors.size() > ERRORS_KEPT ? errors.subList(0, ERRORS_KEPT) : errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
