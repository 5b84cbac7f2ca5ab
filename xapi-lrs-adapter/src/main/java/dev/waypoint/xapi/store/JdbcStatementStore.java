package dev.waypoint.xapi.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements of {@code xapi_statement}. A batch is stored in one transaction with one JDBC batch of
 * {@code INSERT ... ON CONFLICT DO NOTHING}: rows already present are then compared by content hash, and
 * one that differs rolls the whole batch back (xAPI 1.0.3 Communication §2.1.2: a conflict stores nothing).
 */
public class JdbcStatementStore {

    private static final String INSERT = """
            INSERT INTO xapi_statement (tenant_id, statement_id, content_hash, actor_key, verb_id, object_id, voids, raw_json,
                                        warnings, authority, received_version, stored_at, voided, mapped)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)
            ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcStatementStore(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx);
    }

    /**
     * What storing a batch came to: the ids newly stored that still need mapping to evidence, or the first id
     * whose stored content differs.
     */
    public record BatchResult(List<String> newlyStored, String conflictingId) {
        public boolean conflict() {
            return conflictingId != null;
        }
    }

    /** Thrown inside the transaction to roll it back; never leaves this class. */
    private static final class Conflict extends RuntimeException {
        final String id;

        Conflict(String id) {
            super(null, null, false, false);
            this.id = id;
        }
    }

    public BatchResult storeBatch(List<StatementRow> rows) {
        try {
            return tx.execute(status -> {
                int[] counts = jdbc.batchUpdate(INSERT, rows, rows.size(), (ps, row) -> {
                    ps.setString(1, row.tenantId());
                    ps.setString(2, row.statementId());
                    ps.setString(3, row.contentHash());
                    ps.setString(4, row.actorKey());
                    ps.setString(5, row.verbId());
                    ps.setString(6, row.objectId());
                    ps.setString(7, row.voids());
                    ps.setString(8, row.rawJson());
                    ps.setString(9, row.warnings());
                    ps.setString(10, row.authority());
                    ps.setString(11, row.receivedVersion());
                    ps.setObject(12, row.storedAt().atOffset(ZoneOffset.UTC));
                    ps.setBoolean(13, !row.needsMapping());
                })[0];
                List<String> stored = new ArrayList<>();
                List<StatementRow> present = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    if (counts[i] <= 0) {
                        // 0: the id was there already; below 0: the driver does not say (batched rewrite), so check.
                        present.add(rows.get(i));
                    }
                    if (counts[i] != 0 && rows.get(i).needsMapping()) {
                        stored.add(rows.get(i).statementId());
                    }
                }
                for (StatementRow row : present) {
                    String hash = jdbc.queryForObject(
                            "SELECT content_hash FROM xapi_statement WHERE tenant_id = ? AND statement_id = ?",
                            String.class, row.tenantId(), row.statementId());
                    if (!row.contentHash().equals(hash)) {
                        throw new Conflict(row.statementId());
                    }
                }
                for (StatementRow row : rows) {
                    if (row.voids() != null) {
                        // Data §2.4.2: a voiding statement cannot void another voiding statement.
                        jdbc.update("UPDATE xapi_statement SET voided = TRUE WHERE tenant_id = ? AND statement_id = ? AND voids IS NULL",
                                row.tenantId(), row.voids());
                    }
                }
                return new BatchResult(stored, null);
            });
        } catch (Conflict conflict) {
            return new BatchResult(List.of(), conflict.id);
        }
    }

    /** Statements not yet offered to the evidence pipeline, stored before {@code before}, oldest first. */
    public List<StatementRow> unmapped(Instant before, int limit) {
        return jdbc.query("""
                        SELECT * FROM xapi_statement WHERE mapped = FALSE AND stored_at < ?
                        ORDER BY stored_at, statement_id FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> read(rs), before.atOffset(ZoneOffset.UTC), limit);
    }

    public List<StatementRow> find(String tenantId, List<String> ids) {
        List<StatementRow> found = new ArrayList<>();
        for (String id : ids) {
            find(tenantId, id).ifPresent(found::add);
        }
        return found;
    }

    public Optional<StatementRow> find(String tenantId, String statementId) {
        return jdbc.query("SELECT * FROM xapi_statement WHERE tenant_id = ? AND statement_id = ?",
                (rs, n) -> read(rs), tenantId, statementId).stream().findFirst();
    }

    /** The latest live statement of an actor with a verb on an object: what an 'uncompleted' takes back. */
    public Optional<StatementRow> latest(String tenantId, String actorKey, String verbId, String objectId) {
        return jdbc.query("""
                        SELECT * FROM xapi_statement WHERE tenant_id = ? AND actor_key = ? AND verb_id = ? AND object_id = ?
                        AND voided = FALSE ORDER BY stored_at DESC, statement_id FETCH FIRST 1 ROWS ONLY""",
                (rs, n) -> read(rs), tenantId, actorKey, verbId, objectId).stream().findFirst();
    }

    public void markMapped(String tenantId, String statementId) {
        jdbc.update("UPDATE xapi_statement SET mapped = TRUE WHERE tenant_id = ? AND statement_id = ?", tenantId, statementId);
    }

    public boolean isVoided(String tenantId, String statementId) {
        Boolean voided = jdbc.query("SELECT voided FROM xapi_statement WHERE tenant_id = ? AND statement_id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : null, tenantId, statementId);
        return Boolean.TRUE.equals(voided);
    }

    public long count(String tenantId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM xapi_statement WHERE tenant_id = ?", Long.class, tenantId);
        return n == null ? 0 : n;
    }

    private static StatementRow read(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.time.OffsetDateTime stored = rs.getObject("stored_at", java.time.OffsetDateTime.class);
        return new StatementRow(rs.getString("tenant_id"), rs.getString("statement_id"), rs.getString("content_hash"),
                rs.getString("actor_key"), rs.getString("verb_id"), rs.getString("object_id"), rs.getString("voids"), rs.getString("raw_json"),
                rs.getString("warnings"), rs.getString("authority"), rs.getString("received_version"), stored.toInstant(),
                !rs.getBoolean("mapped"));
    }
}
