package dev.waypoint.core.store.jdbc;

import dev.waypoint.core.store.DeadLetterRepository;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dead letters in {@code dead_letter}. A letter is "open" until a replay succeeds; a failed replay
 * keeps it open with the new error. {@link #list} shows the newest first and lists every status when
 * {@code status} is null.
 */
public class JdbcDeadLetterRepository implements DeadLetterRepository {

    public static final String OPEN = "open";
    public static final String REPLAYED = "replayed";

    private static final String COLUMNS =
            "id, tenant_id, source, payload_type, payload, error, status, replay_attempts, created_at, updated_at";

    private static final RowMapper<DeadLetter> LETTER = (rs, n) -> new DeadLetter(rs.getLong("id"),
            rs.getString("tenant_id"), rs.getString("source"), rs.getString("payload_type"), rs.getString("payload"),
            rs.getString("error"), rs.getString("status"), rs.getInt("replay_attempts"),
            SqlTime.read(rs, "created_at"), SqlTime.read(rs, "updated_at"));

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public JdbcDeadLetterRepository(JdbcClient jdbc, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx);
    }

    @Override
    public long record(String tenantId, String source, String payloadType, String payload, String error) {
        Instant now = SqlTime.now();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        tx.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO dead_letter (tenant_id, source, payload_type, payload, error, status, replay_attempts,
                                                 created_at, updated_at)
                        VALUES (:tenantId, :source, :payloadType, :payload, :error, :status, 0, :now, :now)""")
                .param("tenantId", tenantId)
                .param("source", source)
                .param("payloadType", payloadType)
                .param("payload", payload)
                .param("error", error)
                .param("status", OPEN)
                .param("now", SqlTime.param(now))
                .update(keys, "id"));
        return keys.getKeyAs(Number.class).longValue();
    }

    @Override
    public Optional<DeadLetter> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE id = :id")
                .param("id", id)
                .query(LETTER)
                .optional();
    }

    @Override
    public List<DeadLetter> list(String status, int offset, int limit) {
        String where = status == null ? "" : " WHERE status = :status";
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("status", status)
                .param("limit", limit)
                .param("offset", offset)
                .query(LETTER)
                .list();
    }

    /** How many letters each status holds, for the admin console's overview. */
    public Map<String, Long> countByStatus() {
        return jdbc.sql("SELECT status, COUNT(*) FROM dead_letter GROUP BY status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public void markReplayed(long id, Instant at) {
        replayed(id, REPLAYED, null, at);
    }

    @Override
    public void markReplayFailed(long id, String error, Instant at) {
        replayed(id, OPEN, error, at);
    }

    /** A successful replay keeps the last error, so the letter still says why it was dead. */
    private void replayed(long id, String status, String error, Instant at) {
        int updated = jdbc.sql("""
                        UPDATE dead_letter SET status = :status, error = COALESCE(:error, error),
                                               replay_attempts = replay_attempts + 1, updated_at = :at
                        WHERE id = :id""")
                .param("status", status)
                .param("error", error, Types.VARCHAR)
                .param("at", SqlTime.param(at))
                .param("id", id)
                .update();
        if (updated == 0) {
            throw new IllegalArgumentException("no dead letter " + id);
        }
    }
}
