package dev.waypoint.xapi.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The statements of {@code xapi_statement}. The requests waiting to be stored go in one transaction with one JDBC
 * batch of {@code INSERT ... ON CONFLICT DO NOTHING} ({@link CommitGroups}): rows already present are then compared
 * by content hash, and one that differs refuses its request and stores none of its rows (xAPI 1.0.3 Communication
 * §2.1.2: a conflict stores nothing).
 */
public class JdbcStatementStore {

    private static final String INSERT = """
            INSERT INTO xapi_statement (tenant_id, statement_id, content_hash, actor_key, verb_id, object_id, voids, raw_json,
                                        warnings, authority, received_version, stored_at, voided, mapped)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)
            ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CommitGroups groups;

    /** Requests are stored by two writers, in transactions of at most 1,000 rows (see {@link CommitGroups}). */
    public JdbcStatementStore(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        this(jdbc, tx, 2, 1_000);
    }

    public JdbcStatementStore(JdbcTemplate jdbc, PlatformTransactionManager tx, int writers, int maxRowsPerTransaction) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx);
        this.groups = new CommitGroups(this::storeGroup, writers, maxRowsPerTransaction);
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
    private static final class Conflicts extends RuntimeException {
        final Map<Integer, String> byRequest;

        Conflicts(Map<Integer, String> byRequest) {
            super(null, null, false, false);
            this.byRequest = byRequest;
        }
    }

    /** Stores one request's rows, all or none, sharing a transaction with requests that arrive meanwhile. */
    public BatchResult storeBatch(List<StatementRow> rows) {
        return groups.store(rows);
    }

    /** Stops the group writers once what is queued is stored; later batches are stored by their callers. */
    public void close() {
        groups.close();
    }

    /**
     * Stores several requests' rows in one transaction, each request all or none. Rows already present are
     * compared by content hash; a request with one that differs is refused on its own: the transaction rolls
     * back and runs again without it, so what the other requests store is as if it had never been sent.
     */
    List<BatchResult> storeGroup(List<List<StatementRow>> requests) {
        BatchResult[] outcomes = new BatchResult[requests.size()];
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            live.add(i);
        }
        while (!live.isEmpty()) {
            try {
                List<BatchResult> stored = tx.execute(status -> insert(requests, live));
                for (int i = 0; i < live.size(); i++) {
                    outcomes[live.get(i)] = stored.get(i);
                }
                break;
            } catch (Conflicts conflicts) {
                conflicts.byRequest.forEach((request, id) -> outcomes[request] = new BatchResult(List.of(), id));
                live.removeAll(conflicts.byRequest.keySet());
            }
        }
        return List.of(outcomes);
    }

    private List<BatchResult> insert(List<List<StatementRow>> requests, List<Integer> live) {
        List<StatementRow> rows = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int request : live) {
            for (StatementRow row : requests.get(request)) {
                rows.add(row);
                owners.add(request);
            }
        }
        if (rows.isEmpty()) {
            return live.stream().map(request -> new BatchResult(List.of(), null)).toList();
        }
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
        Map<Integer, List<String>> newlyStored = new HashMap<>();
        Map<Integer, String> conflicts = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            StatementRow row = rows.get(i);
            int owner = owners.get(i);
            if (counts[i] <= 0 && !conflicts.containsKey(owner)) {
                // 0: the id was there already (perhaps from an earlier request of this group); below 0: the
                // driver does not say (batched rewrite), so check.
                String hash = jdbc.queryForObject(
                        "SELECT content_hash FROM xapi_statement WHERE tenant_id = ? AND statement_id = ?",
                        String.class, row.tenantId(), row.statementId());
                if (!row.contentHash().equals(hash)) {
                    conflicts.put(owner, row.statementId());
                }
            }
            if (counts[i] != 0 && row.needsMapping()) {
                newlyStored.computeIfAbsent(owner, o -> new ArrayList<>()).add(row.statementId());
            }
        }
        if (!conflicts.isEmpty()) {
            throw new Conflicts(conflicts);
        }
        for (StatementRow row : rows) {
            if (row.voids() != null) {
                // Data §2.4.2: a voiding statement cannot void another voiding statement.
                jdbc.update("UPDATE xapi_statement SET voided = TRUE WHERE tenant_id = ? AND statement_id = ? AND voids IS NULL",
                        row.tenantId(), row.voids());
            }
        }
        return live.stream().map(request -> new BatchResult(newlyStored.getOrDefault(request, List.of()), null)).toList();
    }

    /** Statements not yet offered to the evidence pipeline, stored before {@code before}, oldest first. */
    public List<StatementRow> unmapped(Instant before, int limit) {
        return jdbc.query("""
                        SELECT * FROM xapi_statement WHERE mapped = FALSE AND stored_at < ?
                        ORDER BY mapping_attempts, stored_at, statement_id FETCH FIRST ? ROWS ONLY""",
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

    /** Counts one more failed hand-off of the statement; answers how many there have been. */
    public int countFailedMapping(String tenantId, String statementId) {
        jdbc.update("UPDATE xapi_statement SET mapping_attempts = mapping_attempts + 1 WHERE tenant_id = ? AND statement_id = ?",
                tenantId, statementId);
        Integer attempts = jdbc.query("SELECT mapping_attempts FROM xapi_statement WHERE tenant_id = ? AND statement_id = ?",
                rs -> rs.next() ? rs.getInt(1) : null, tenantId, statementId);
        return attempts == null ? 0 : attempts;
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

    /** Statements stored per tenant, for the tenants that have any, in one pass over the table. */
    public SortedMap<String, Long> countByTenant() {
        SortedMap<String, Long> counts = new TreeMap<>();
        jdbc.query("SELECT tenant_id, COUNT(*) FROM xapi_statement GROUP BY tenant_id",
                (RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    private static StatementRow read(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.time.OffsetDateTime stored = rs.getObject("stored_at", java.time.OffsetDateTime.class);
        return new StatementRow(rs.getString("tenant_id"), rs.getString("statement_id"), rs.getString("content_hash"),
                rs.getString("actor_key"), rs.getString("verb_id"), rs.getString("object_id"), rs.getString("voids"), rs.getString("raw_json"),
                rs.getString("warnings"), rs.getString("authority"), rs.getString("received_version"), stored.toInstant(),
                !rs.getBoolean("mapped"));
    }
}
