package dev.waypoint.core.store.jdbc;

import dev.waypoint.core.evidence.Evidence;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.store.EvidenceRepository;
import dev.waypoint.core.taxonomy.SkillGrant;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence in {@code evidence} with its skill grants in {@code evidence_grant}.
 *
 * <p>Idempotency rests on the unique key (tenant, natural key) and {@code INSERT … ON CONFLICT DO
 * NOTHING}: a duplicate, even one racing in from another node, is dropped by the database without an
 * error, so a surrounding PostgreSQL transaction is never aborted by a replay. The statement names no
 * conflict target because H2's PostgreSQL mode only accepts the bare form; the only other unique key is
 * the id, and a clash there is reported rather than dropped. Evidence without an id gets a random UUID.
 */
public class JdbcEvidenceRepository implements EvidenceRepository {

    private static final String COLUMNS = "e.id, e.tenant_id, e.person_id, e.kind, e.occurred_at, e.source_system, "
            + "e.external_id, e.natural_key, e.object_ref, e.score_scaled, e.revokes, e.raw_payload, e.recorded_at";

    /** Keeps IN lists well below PostgreSQL's limit of 32767 bind parameters per statement. */
    private static final int CHUNK = 1000;

    private static final RowMapper<Evidence> WITHOUT_GRANTS = JdbcEvidenceRepository::mapWithoutGrants;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public JdbcEvidenceRepository(JdbcClient jdbc, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx);
    }

    @Override
    public boolean insertIfAbsent(Evidence evidence) {
        String id = evidence.id() != null ? evidence.id() : UUID.randomUUID().toString();
        return Boolean.TRUE.equals(tx.execute(status -> {
            int inserted = jdbc.sql("""
                            INSERT INTO evidence (id, tenant_id, person_id, kind, occurred_at, source_system, external_id,
                                                  natural_key, object_ref, score_scaled, revokes, raw_payload, recorded_at)
                            VALUES (:id, :tenantId, :personId, :kind, :occurredAt, :sourceSystem, :externalId,
                                    :naturalKey, :objectRef, :scoreScaled, :revokes, :rawPayload, :recordedAt)
                            ON CONFLICT DO NOTHING""")
                    .param("id", id)
                    .param("tenantId", evidence.tenantId())
                    .param("personId", evidence.personId())
                    .param("kind", evidence.kind().wireName())
                    .param("occurredAt", SqlTime.param(evidence.occurredAt()))
                    .param("sourceSystem", evidence.sourceSystem())
                    .param("externalId", evidence.externalId())
                    .param("naturalKey", evidence.naturalKey())
                    .param("objectRef", evidence.objectRef())
                    .param("scoreScaled", evidence.scoreScaled())
                    .param("revokes", evidence.revokes())
                    .param("rawPayload", evidence.rawPayload())
                    .param("recordedAt", SqlTime.param(
                            evidence.recordedAt() != null ? evidence.recordedAt() : SqlTime.now()))
                    .update();
            if (inserted == 0) {
                if (findByNaturalKey(evidence.tenantId(), evidence.naturalKey()).isEmpty()) {
                    throw new IllegalArgumentException("evidence id " + id + " is already used by another fact");
                }
                return false;
            }
            List<SkillGrant> grants = evidence.grants();
            for (int seq = 0; seq < grants.size(); seq++) {
                jdbc.sql("INSERT INTO evidence_grant (evidence_id, seq, skill_id, level) VALUES (:id, :seq, :skill, :level)")
                        .param("id", id)
                        .param("seq", seq)
                        .param("skill", grants.get(seq).skillId())
                        .param("level", grants.get(seq).level())
                        .update();
            }
            return true;
        }));
    }

    @Override
    public Optional<Evidence> findByNaturalKey(String tenantId, String naturalKey) {
        Optional<Evidence> found = jdbc.sql("SELECT " + COLUMNS + " FROM evidence e WHERE e.tenant_id = :tenantId AND e.natural_key = :key")
                .param("tenantId", tenantId)
                .param("key", naturalKey)
                .query(WITHOUT_GRANTS)
                .optional();
        return found.map(e -> withGrants(e, grantsOf(List.of(e.id())).getOrDefault(e.id(), List.of())));
    }

    @Override
    public List<Evidence> forPerson(String personId) {
        return forPeople(List.of(personId)).getOrDefault(personId, List.of());
    }

    /** People without evidence are absent from the answer rather than mapped to an empty list. */
    @Override
    public Map<String, List<Evidence>> forPeople(Collection<String> personIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(personIds));
        Map<String, List<Evidence>> byPerson = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<Evidence> rows = jdbc.sql("SELECT " + COLUMNS + " FROM evidence e WHERE e.person_id IN (:ids) "
                            + "ORDER BY e.person_id, e.occurred_at, e.recorded_at, e.id")
                    .param("ids", chunk)
                    .query(WITHOUT_GRANTS)
                    .list();
            Map<String, List<SkillGrant>> grants = grantsOfPeople(chunk);
            for (Evidence e : rows) {
                byPerson.computeIfAbsent(e.personId(), p -> new ArrayList<>())
                        .add(withGrants(e, grants.getOrDefault(e.id(), List.of())));
            }
        }
        return byPerson;
    }

    @Override
    public long count(String tenantId) {
        return jdbc.sql("SELECT COUNT(*) FROM evidence WHERE tenant_id = :tenantId")
                .param("tenantId", tenantId)
                .query(Long.class)
                .single();
    }

    private Map<String, List<SkillGrant>> grantsOf(List<String> evidenceIds) {
        return collectGrants(jdbc.sql("SELECT g.evidence_id, g.skill_id, g.level FROM evidence_grant g "
                        + "WHERE g.evidence_id IN (:ids) ORDER BY g.evidence_id, g.seq")
                .param("ids", evidenceIds));
    }

    /** Joins through the person so the statement has as many parameters as people, not as facts. */
    private Map<String, List<SkillGrant>> grantsOfPeople(List<String> personIds) {
        return collectGrants(jdbc.sql("SELECT g.evidence_id, g.skill_id, g.level FROM evidence_grant g "
                        + "JOIN evidence e ON e.id = g.evidence_id WHERE e.person_id IN (:ids) ORDER BY g.evidence_id, g.seq")
                .param("ids", personIds));
    }

    private static Map<String, List<SkillGrant>> collectGrants(JdbcClient.StatementSpec statement) {
        Map<String, List<SkillGrant>> grants = new HashMap<>();
        statement.query(rs -> {
            grants.computeIfAbsent(rs.getString("evidence_id"), id -> new ArrayList<>())
                    .add(new SkillGrant(rs.getString("skill_id"), rs.getInt("level")));
        });
        return grants;
    }

    private static Evidence mapWithoutGrants(ResultSet rs, int rowNum) throws SQLException {
        String kind = rs.getString("kind");
        double score = rs.getDouble("score_scaled");
        Double scoreScaled = rs.wasNull() ? null : score;
        return new Evidence(rs.getString("id"), rs.getString("tenant_id"), rs.getString("person_id"),
                EvidenceKind.fromWireName(kind).orElseThrow(
                        () -> new IllegalStateException("unknown evidence kind '" + kind + "' in the database")),
                List.of(), SqlTime.read(rs, "occurred_at"), rs.getString("source_system"),
                rs.getString("external_id"), rs.getString("natural_key"), rs.getString("object_ref"),
                scoreScaled, rs.getString("revokes"), rs.getString("raw_payload"), SqlTime.read(rs, "recorded_at"));
    }

    private static Evidence withGrants(Evidence e, List<SkillGrant> grants) {
        return new Evidence(e.id(), e.tenantId(), e.personId(), e.kind(), grants, e.occurredAt(), e.sourceSystem(),
                e.externalId(), e.naturalKey(), e.objectRef(), e.scoreScaled(), e.revokes(), e.rawPayload(),
                e.recordedAt());
    }
}
