package dev.waypoint.core.store.jdbc;

import dev.waypoint.core.store.OutboxRepository;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The write-back outbox in {@code write_back_outbox}, one row per (tenant, target, write key).
 *
 * <p>Enqueueing a value answers false and writes nothing when it is already pending, is what was last
 * delivered (and nothing newer waits), or is what was parked (a value that failed for good waits for
 * an admin rather than failing again). Any other value replaces the row's payload and is due at once
 * with a fresh attempt count. A row a worker is delivering keeps its lease when replaced, so the new
 * value is not written concurrently with the old one; it goes out after the old write is settled.
 *
 * <p>Claiming takes due rows with {@code FOR UPDATE SKIP LOCKED}, so concurrent workers do not wait on
 * each other, and stamps them with a lease; the lease condition, not the row lock, is what guarantees
 * a row is handed to one worker at a time. {@link #list} shows the newest first, all statuses when
 * {@code status} is null.
 */
public class JdbcOutboxRepository implements OutboxRepository {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String PARKED = "parked";

    private static final String COLUMNS = "id, tenant_id, target, write_key, payload, payload_hash, status, attempts, "
            + "next_attempt_at, last_error, created_at, updated_at";

    /** Whether the row's payload was replaced since a worker claimed it. */
    private static final String REPLACED_IN_FLIGHT = "(claimed_hash IS NOT NULL AND claimed_hash <> payload_hash)";

    private static final RowMapper<OutboxEntry> ENTRY = (rs, n) -> new OutboxEntry(rs.getLong("id"),
            rs.getString("tenant_id"), rs.getString("target"), rs.getString("write_key"), rs.getString("payload"),
            rs.getString("payload_hash"), rs.getString("status"), rs.getInt("attempts"),
            SqlTime.read(rs, "next_attempt_at"), rs.getString("last_error"), SqlTime.read(rs, "created_at"),
            SqlTime.read(rs, "updated_at"));

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public JdbcOutboxRepository(JdbcClient jdbc, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx);
    }

    @Override
    public boolean enqueue(String tenantId, String target, String writeKey, String payload, String payloadHash, Instant now) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Optional<Slot> slot = lockSlot(tenantId, target, writeKey);
            if (slot.isEmpty()) {
                int inserted = jdbc.sql("""
                                INSERT INTO write_back_outbox (tenant_id, target, write_key, payload, payload_hash, status,
                                                               attempts, next_attempt_at, created_at, updated_at)
                                VALUES (:tenantId, :target, :writeKey, :payload, :payloadHash, :status, 0, :now, :now, :now)
                                ON CONFLICT DO NOTHING""")
                        .param("tenantId", tenantId)
                        .param("target", target)
                        .param("writeKey", writeKey)
                        .param("payload", payload)
                        .param("payloadHash", payloadHash)
                        .param("status", PENDING)
                        .param("now", SqlTime.param(now))
                        .update();
                if (inserted == 1) {
                    return true;
                }
                // A concurrent enqueue for the same key inserted first and has committed.
                slot = lockSlot(tenantId, target, writeKey);
            }
            Slot current = slot.orElseThrow();
            if (current.alreadyHas(payloadHash)) {
                return false;
            }
            jdbc.sql("""
                            UPDATE write_back_outbox SET payload = :payload, payload_hash = :payloadHash, status = :status,
                                                         attempts = 0, next_attempt_at = :now, last_error = NULL,
                                                         updated_at = :now
                            WHERE id = :id""")
                    .param("payload", payload)
                    .param("payloadHash", payloadHash)
                    .param("status", PENDING)
                    .param("now", SqlTime.param(now))
                    .param("id", current.id())
                    .update();
            return true;
        }));
    }

    private Optional<Slot> lockSlot(String tenantId, String target, String writeKey) {
        return jdbc.sql("SELECT id, status, payload_hash, delivered_hash FROM write_back_outbox "
                        + "WHERE tenant_id = :tenantId AND target = :target AND write_key = :writeKey FOR UPDATE")
                .param("tenantId", tenantId)
                .param("target", target)
                .param("writeKey", writeKey)
                .query((rs, n) -> new Slot(rs.getLong("id"), rs.getString("status"), rs.getString("payload_hash"),
                        rs.getString("delivered_hash")))
                .optional();
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, int limit, Duration leaseFor) {
        if (limit <= 0) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        return tx.execute(status -> {
            List<Long> due = jdbc.sql("""
                            SELECT id FROM write_back_outbox
                            WHERE status = :status AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
                            ORDER BY next_attempt_at, id
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED""")
                    .param("status", PENDING)
                    .param("now", SqlTime.param(now))
                    .param("limit", limit)
                    .query(Long.class)
                    .list();
            if (due.isEmpty()) {
                return List.of();
            }
            jdbc.sql("""
                            UPDATE write_back_outbox SET lease_until = :until, lease_token = :token,
                                                         claimed_hash = payload_hash, updated_at = :now
                            WHERE id IN (:ids) AND status = :status AND (lease_until IS NULL OR lease_until <= :now)""")
                    .param("until", SqlTime.param(now.plus(leaseFor)))
                    .param("token", token)
                    .param("now", SqlTime.param(now))
                    .param("ids", due)
                    .param("status", PENDING)
                    .update();
            return jdbc.sql("SELECT " + COLUMNS + " FROM write_back_outbox WHERE lease_token = :token ORDER BY next_attempt_at, id")
                    .param("token", token)
                    .query(ENTRY)
                    .list();
        });
    }

    /** When the payload was replaced during delivery the row stays pending for the newer value. */
    @Override
    public void markDelivered(long id, Instant at) {
        settle(id, """
                UPDATE write_back_outbox
                SET status = CASE WHEN %1$s THEN :pending ELSE :delivered END,
                    delivered_hash = COALESCE(claimed_hash, payload_hash), delivered_at = :at, last_error = NULL,
                    lease_until = NULL, lease_token = NULL, claimed_hash = NULL, updated_at = :at
                WHERE id = :id AND status = :pending""".formatted(REPLACED_IN_FLIGHT),
                at, null, null, false);
    }

    /**
     * A failure of a payload that was replaced during delivery neither counts against nor parks the newer
     * value, which stays due when it was queued.
     */
    @Override
    public void markFailed(long id, String error, Instant nextAttemptAt, boolean giveUp) {
        Instant now = SqlTime.now();
        settle(id, """
                UPDATE write_back_outbox
                SET status = CASE WHEN %1$s THEN :pending ELSE :failed END,
                    attempts = CASE WHEN %1$s THEN attempts ELSE attempts + 1 END,
                    next_attempt_at = CASE WHEN %1$s THEN next_attempt_at ELSE :next END,
                    last_error = :error, lease_until = NULL, lease_token = NULL, claimed_hash = NULL, updated_at = :at
                WHERE id = :id AND status = :pending""".formatted(REPLACED_IN_FLIGHT),
                now, error, nextAttemptAt != null ? nextAttemptAt : now, giveUp);
    }

    private void settle(long id, String sql, Instant at, String error, Instant next, boolean giveUp) {
        tx.executeWithoutResult(status -> {
            int updated = jdbc.sql(sql)
                    .param("id", id)
                    .param("at", SqlTime.param(at))
                    .param("pending", PENDING)
                    .param("delivered", DELIVERED)
                    .param("failed", giveUp ? PARKED : PENDING)
                    .param("error", error)
                    .param("next", SqlTime.param(next))
                    .update();
            if (updated == 0 && find(id).isEmpty()) {
                throw new IllegalArgumentException("no outbox entry " + id);
            }
        });
    }

    @Override
    public boolean requeue(long id, Instant now) {
        return jdbc.sql("""
                        UPDATE write_back_outbox
                        SET status = :pending, attempts = 0, next_attempt_at = :now, last_error = NULL,
                            lease_until = NULL, lease_token = NULL, claimed_hash = NULL, updated_at = :now
                        WHERE id = :id AND status = :parked""")
                .param("id", id)
                .param("now", SqlTime.param(now))
                .param("pending", PENDING)
                .param("parked", PARKED)
                .update() == 1;
    }

    @Override
    public Optional<OutboxEntry> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM write_back_outbox WHERE id = :id")
                .param("id", id)
                .query(ENTRY)
                .optional();
    }

    @Override
    public List<OutboxEntry> list(String status, int offset, int limit) {
        String where = status == null ? "" : " WHERE status = :status";
        return jdbc.sql("SELECT " + COLUMNS + " FROM write_back_outbox" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("status", status)
                .param("limit", limit)
                .param("offset", offset)
                .query(ENTRY)
                .list();
    }

    /** How many rows each status holds, for the admin console's overview. */
    public Map<String, Long> countByStatus() {
        return jdbc.sql("SELECT status, COUNT(*) FROM write_back_outbox GROUP BY status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** What a key's row holds, read under lock to decide whether a new value changes anything. */
    private record Slot(long id, String status, String payloadHash, String deliveredHash) {

        boolean alreadyHas(String hash) {
            return switch (status) {
                case DELIVERED -> hash.equals(deliveredHash);
                default -> hash.equals(payloadHash);
            };
        }
    }
}
