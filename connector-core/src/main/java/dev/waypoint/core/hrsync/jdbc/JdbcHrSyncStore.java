package dev.waypoint.core.hrsync.jdbc;

import dev.waypoint.core.store.jdbc.SqlTime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.evidence.Evidence;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.hrsync.HrSyncBatch;
import dev.waypoint.core.taxonomy.SkillGrant;
import dev.waypoint.core.hrsync.HrSyncRun;
import dev.waypoint.core.hrsync.RunStatus;
import dev.waypoint.core.hrsync.SentSkill;
import dev.waypoint.core.hrsync.SyncMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The HR sync's tables: runs ({@code hr_sync_run}), their checkpointed batches ({@code hr_sync_batch}),
 * the state HR last received ({@code hr_sync_sent_skill}), and the people pages a run walks through.
 * People are read by keyset on their id so a run of any size reads a page at a time.
 */
public class JdbcHrSyncStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final int STREAM_PAGE = 8;
    /** Ledgers are small (about 80 bytes a record), so more of them are read at once. */
    private static final int LEDGER_PAGE = 40;
    private static final String BATCH_WITH_BODY = "SELECT b.run_id, b.batch_no, b.idempotency_key, b.state, "
            + "b.record_count, b.upserts, b.removes, b.error, d.body FROM hr_sync_batch b JOIN hr_sync_batch_body d "
            + "ON d.run_id = b.run_id AND d.batch_no = b.batch_no";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final ObjectMapper json = new ObjectMapper();

    public JdbcHrSyncStore(JdbcTemplate template, PlatformTransactionManager tx) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.tx = new TransactionTemplate(tx);
    }

    /** One person as the sync needs them: the move that picks the policy, the HR id and the e-mail. */
    public record PersonRow(String personId, String currentRoleId, String firstTargetRoleId, String hrEmployeeId,
                            String email) {
    }

    public void insertRun(HrSyncRun run) {
        jdbc.sql("""
                        INSERT INTO hr_sync_run (id, tenant_id, mode, trigger_name, status, taxonomy_version, started_at,
                            finished_at, people_seen, people_sent, skills_upserted, skills_removed, batches_total,
                            batches_sent, batches_failed, without_hr_id_count, without_hr_id, errors)
                        VALUES (:id, :tenant, :mode, :trigger, :status, :taxonomy, :started, :finished, 0, 0, 0, 0, 0,
                            0, 0, 0, '[]', '[]')""")
                .param("id", run.id()).param("tenant", run.tenantId()).param("mode", run.mode().wireName())
                .param("trigger", run.trigger()).param("status", run.status().name())
                .param("taxonomy", run.taxonomyVersion()).param("started", SqlTime.param(run.startedAt()))
                .param("finished", SqlTime.param(run.finishedAt()))
                .update();
        updateRun(run);
    }

    public void updateRun(HrSyncRun run) {
        HrSyncRun.Counts c = run.counts();
        jdbc.sql("""
                        UPDATE hr_sync_run SET status = :status, finished_at = :finished, people_seen = :seen,
                            people_sent = :sent, skills_upserted = :upserted, skills_removed = :removed,
                            batches_total = :total, batches_sent = :bsent, batches_failed = :bfailed,
                            without_hr_id_count = :withoutCount, without_hr_id = :without, errors = :errors
                        WHERE id = :id""")
                .param("status", run.status().name()).param("finished", SqlTime.param(run.finishedAt()))
                .param("seen", c.peopleSeen()).param("sent", c.peopleSent()).param("upserted", c.skillsUpserted())
                .param("removed", c.skillsRemoved()).param("total", c.batchesTotal()).param("bsent", c.batchesSent())
                .param("bfailed", c.batchesFailed()).param("withoutCount", run.withoutHrIdCount())
                .param("without", write(run.withoutHrId())).param("errors", write(run.errors()))
                .param("id", run.id())
                .update();
    }

    public Optional<HrSyncRun> findRun(String id) {
        return jdbc.sql("SELECT * FROM hr_sync_run WHERE id = :id").param("id", id).query(this::mapRun).optional();
    }

    /** Newest first. */
    public List<HrSyncRun> listRuns(String tenantId, int offset, int limit) {
        return jdbc.sql("SELECT * FROM hr_sync_run WHERE tenant_id = :tenant ORDER BY started_at DESC, id "
                        + "OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
                .param("tenant", tenantId).param("offset", offset).param("limit", limit)
                .query(this::mapRun).list();
    }

    /** The oldest run of the tenant that has not finished, if any: it is resumed before anything new. */
    public Optional<HrSyncRun> unfinishedRun(String tenantId) {
        return jdbc.sql("SELECT * FROM hr_sync_run WHERE tenant_id = :tenant AND status IN ('PLANNING', 'DELIVERING', "
                        + "'INTERRUPTED') ORDER BY started_at, id FETCH FIRST 1 ROWS ONLY")
                .param("tenant", tenantId).query(this::mapRun).optional();
    }

    /** Runs of any tenant that are planning or delivering now (or were, when their node died), oldest first. */
    public List<HrSyncRun> runningRuns() {
        return jdbc.sql("SELECT * FROM hr_sync_run WHERE status IN ('PLANNING', 'DELIVERING') ORDER BY started_at, id")
                .query(this::mapRun).list();
    }

    /** A run stopped while planning is planned again from the start: nothing of it was sent yet. */
    public void deleteBatches(String runId) {
        jdbc.sql("DELETE FROM hr_sync_batch_body WHERE run_id = :run").param("run", runId).update();
        jdbc.sql("DELETE FROM hr_sync_batch WHERE run_id = :run").param("run", runId).update();
    }

    public void insertBatch(HrSyncBatch batch, String ledger) {
        jdbc.sql("""
                        INSERT INTO hr_sync_batch (run_id, batch_no, idempotency_key, state, record_count, upserts, removes)
                        VALUES (:run, :no, :key, :state, :count, :upserts, :removes)""")
                .param("run", batch.runId()).param("no", batch.batchNo()).param("key", batch.idempotencyKey())
                .param("state", batch.state().name()).param("count", batch.recordCount())
                .param("upserts", batch.upserts()).param("removes", batch.removes())
                .update();
        jdbc.sql("INSERT INTO hr_sync_batch_body (run_id, batch_no, body, ledger) VALUES (:run, :no, :body, :ledger)")
                .param("run", batch.runId()).param("no", batch.batchNo()).param("body", batch.body())
                .param("ledger", ledger)
                .update();
    }

    /** Numbers of the batches still to deliver, in order. */
    public List<Integer> pendingBatchNumbers(String runId) {
        return jdbc.sql("SELECT batch_no FROM hr_sync_batch WHERE run_id = :run AND state = 'PENDING' ORDER BY run_id, batch_no")
                .param("run", runId).query(Integer.class).list();
    }

    public HrSyncBatch batch(String runId, int batchNo) {
        return jdbc.sql(BATCH_WITH_BODY + " WHERE b.run_id = :run AND b.batch_no = :no")
                .param("run", runId).param("no", batchNo).query(JdbcHrSyncStore::mapBatch).single();
    }

    public List<HrSyncBatch> batches(String runId) {
        List<HrSyncBatch> out = new ArrayList<>();
        forEachBatch(runId, out::add);
        return out;
    }

    /**
     * Streams the batches of a run in order, a few at a time by keyset on the batch number: neither
     * PostgreSQL outside a transaction nor embedded H2 streams a large result set, so the query is paged.
     * The order names the whole key (run, batch): ordered by the batch number alone, H2 does not see that
     * the primary key is already in that order and reads and sorts every later batch, body and all, for
     * each page — quadratic, and what ran a 100,000-person run out of memory.
     */
    public void forEachBatch(String runId, Consumer<HrSyncBatch> consumer) {
        int after = 0;
        List<HrSyncBatch> page;
        do {
            page = jdbc.sql(BATCH_WITH_BODY + " WHERE b.run_id = :run AND b.batch_no > :after ORDER BY b.run_id, b.batch_no "
                            + "FETCH FIRST :n ROWS ONLY")
                    .param("run", runId).param("after", after).param("n", STREAM_PAGE)
                    .query(JdbcHrSyncStore::mapBatch).list();
            for (HrSyncBatch batch : page) {
                consumer.accept(batch);
                after = batch.batchNo();
            }
        } while (page.size() == STREAM_PAGE);
    }

    public void markBatch(String runId, int batchNo, HrSyncBatch.State state, String error) {
        jdbc.sql("UPDATE hr_sync_batch SET state = :state, error = :error, sent_at = :at WHERE run_id = :run AND batch_no = :no")
                .param("state", state.name()).param("error", error == null ? null : truncate(error, 2000))
                .param("at", SqlTime.param(Instant.now())).param("run", runId).param("no", batchNo)
                .update();
    }

    /** Marks batches sent, in one transaction. */
    public void markSent(String runId, List<Integer> batchNos) {
        OffsetDateTime at = SqlTime.param(Instant.now());
        List<Object[]> rows = new ArrayList<>(batchNos.size());
        for (int no : batchNos) {
            rows.add(new Object[]{at, runId, no});
        }
        tx.executeWithoutResult(status -> template.batchUpdate(
                "UPDATE hr_sync_batch SET state = 'SENT', error = NULL, sent_at = ? WHERE run_id = ? AND batch_no = ?", rows));
    }

    /** Counts of a run's batches by state. */
    public Map<HrSyncBatch.State, Integer> batchStates(String runId) {
        Map<HrSyncBatch.State, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT state, COUNT(*) AS n FROM hr_sync_batch WHERE run_id = :run GROUP BY state")
                .param("run", runId)
                .query(rs -> {
                    counts.put(HrSyncBatch.State.valueOf(rs.getString("state")), rs.getInt("n"));
                });
        return counts;
    }

    public long countPeople(String tenantId) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE tenant_id = :tenant").param("tenant", tenantId)
                .query(Long.class).single();
    }

    /**
     * People of the tenant after {@code afterId} in id order. The page is read first, and its identities
     * and targets after by the page's id range (see {@link PageRange}): correlated subqueries in the page
     * query would be evaluated for every later person before the limit applies.
     */
    public List<PersonRow> peoplePage(String tenantId, String afterId, int limit) {
        List<String[]> page = jdbc.sql("SELECT p.id, p.current_role_id FROM person p WHERE p.tenant_id = :tenant "
                        + "AND p.id > :after ORDER BY p.id FETCH FIRST :limit ROWS ONLY")
                .param("tenant", tenantId).param("after", afterId).param("limit", limit)
                .query((rs, n) -> new String[]{rs.getString("id"), rs.getString("current_role_id")})
                .list();
        if (page.isEmpty()) {
            return List.of();
        }
        PageRange range = PageRange.of(page.stream().map(row -> row[0]).toList());
        Map<String, String> hrIds = new HashMap<>();
        Map<String, String> emails = new HashMap<>();
        range.bind(jdbc.sql("SELECT person_id, kind, identity_value FROM person_identity WHERE " + PageRange.WHERE
                        + " AND kind IN ('hr_employee_id', 'email')"))
                .query(rs -> {
                    if (!range.holds(rs.getString("person_id"))) {
                        return;
                    }
                    Map<String, String> into = "hr_employee_id".equals(rs.getString("kind")) ? hrIds : emails;
                    // several values of one kind: the smallest, so that the choice is stable between runs
                    into.merge(rs.getString("person_id"), rs.getString("identity_value"),
                            (a, b) -> a.compareTo(b) <= 0 ? a : b);
                });
        Map<String, String> firstTargets = new HashMap<>();
        range.bind(jdbc.sql("SELECT person_id, role_id FROM person_target_role WHERE " + PageRange.WHERE
                        + " ORDER BY person_id, seq"))
                .query(rs -> {
                    if (range.holds(rs.getString("person_id"))) {
                        firstTargets.putIfAbsent(rs.getString("person_id"), rs.getString("role_id"));
                    }
                });
        List<PersonRow> rows = new ArrayList<>(page.size());
        for (String[] row : page) {
            rows.add(new PersonRow(row[0], row[1], firstTargets.get(row[0]), hrIds.get(row[0]), emails.get(row[0])));
        }
        return rows;
    }

    /**
     * The evidence of a page of people with its grants, without raw payloads (the sync never reads
     * them). Grants come in the same pass, joined on their primary key, so the cost follows the page.
     */
    public Map<String, List<Evidence>> evidenceOf(String tenantId, List<String> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        PageRange range = PageRange.of(personIds);
        Map<String, Evidence> byId = new LinkedHashMap<>();
        range.bind(jdbc.sql("SELECT id, person_id, kind, occurred_at, natural_key, revokes FROM evidence WHERE "
                        + PageRange.WHERE + " ORDER BY person_id, occurred_at, id"))
                .query(rs -> {
                    if (!range.holds(rs.getString("person_id"))) {
                        return;
                    }
                    String kind = rs.getString("kind");
                    byId.put(rs.getString("id"), new Evidence(rs.getString("id"), tenantId, rs.getString("person_id"),
                            EvidenceKind.fromWireName(kind).orElseThrow(() -> new IllegalStateException(
                                    "unknown evidence kind '" + kind + "' in the database")),
                            List.of(), SqlTime.read(rs, "occurred_at"), null, null, rs.getString("natural_key"), null, null,
                            rs.getString("revokes"), null, null));
                });
        Map<String, List<SkillGrant>> grants = new HashMap<>();
        range.bind(jdbc.sql("SELECT g.evidence_id, g.skill_id, g.level FROM evidence e JOIN evidence_grant g "
                        + "ON g.evidence_id = e.id WHERE " + PageRange.WHERE.replace("person_id", "e.person_id")
                        + " ORDER BY g.evidence_id, g.seq"))
                .query(rs -> {
                    if (byId.containsKey(rs.getString("evidence_id"))) {
                        grants.computeIfAbsent(rs.getString("evidence_id"), id -> new ArrayList<>())
                                .add(new SkillGrant(rs.getString("skill_id"), rs.getInt("level")));
                    }
                });
        Map<String, List<Evidence>> byPerson = new HashMap<>();
        for (Evidence e : byId.values()) {
            byPerson.computeIfAbsent(e.personId(), p -> new ArrayList<>()).add(new Evidence(e.id(), e.tenantId(),
                    e.personId(), e.kind(), grants.getOrDefault(e.id(), List.of()), e.occurredAt(), null, null,
                    e.naturalKey(), null, null, e.revokes(), null, null));
        }
        return byPerson;
    }

    /** What HR last received, by person and skill, for a page of the tenant's people. */
    public Map<String, Map<String, SentSkill>> sentSkills(String tenantId, List<String> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        PageRange range = PageRange.of(personIds);
        Map<String, Map<String, SentSkill>> out = new HashMap<>();
        range.bind(jdbc.sql("SELECT tenant_id, person_id, skill_id, level, verified_at, hash FROM hr_sync_sent_skill "
                        + "WHERE " + PageRange.WHERE))
                .query(rs -> {
                    if (!tenantId.equals(rs.getString("tenant_id")) || !range.holds(rs.getString("person_id"))) {
                        return;
                    }
                    SentSkill s = new SentSkill(rs.getString("person_id"), rs.getString("skill_id"),
                            rs.getInt("level"), SqlTime.read(rs, "verified_at"), rs.getString("hash"));
                    out.computeIfAbsent(s.personId(), p -> new HashMap<>()).put(s.skillId(), s);
                });
        return out;
    }

    /**
     * Makes the sent state say what delivered batches told HR, in one transaction. Rows are updated in
     * place and a line the plan found unchanged ({@link LedgerLine.Effect#KEEP}, a full snapshot
     * re-sending what HR holds) is skipped, so a snapshot over a filled state writes only what differs.
     * Applying the same lines twice (a run resumed while settling) leaves the same state: an insert that
     * finds its row updates it, an update that finds none inserts it.
     */
    public void applyLedger(String tenantId, String runId, List<LedgerLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<LedgerLine> inserts = new ArrayList<>();
        List<LedgerLine> updates = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        for (LedgerLine line : lines) {
            switch (line.effect()) {
                case INSERT -> inserts.add(line);
                case UPDATE, REPLACE -> updates.add(line);
                case DELETE -> deletes.add(new Object[]{tenantId, line.personId(), line.skillId()});
                case KEEP -> { }
            }
        }
        tx.executeWithoutResult(status -> {
            // An insert whose driver gives no count (PostgreSQL with reWriteBatchedInserts) is left as is:
            // a row already there holds what a repeated ledger wrote, or a merged person's state, which
            // the next run diffs and corrects. Updating every such line would triple a first sync's writes.
            List<LedgerLine> notInserted = missed(inserts, template.batchUpdate(INSERT_SENT,
                    sentRows(tenantId, runId, inserts, true)), false);
            updates.addAll(notInserted);
            List<LedgerLine> notUpdated = missed(updates, template.batchUpdate(UPDATE_SENT,
                    sentRows(tenantId, runId, updates, false)), true);
            template.batchUpdate(INSERT_SENT, sentRows(tenantId, runId, notUpdated, true));
            template.batchUpdate("DELETE FROM hr_sync_sent_skill WHERE tenant_id = ? AND person_id = ? AND skill_id = ?",
                    deletes);
        });
    }

    private static final String INSERT_SENT = "INSERT INTO hr_sync_sent_skill (tenant_id, person_id, skill_id, level, "
            + "verified_at, hash, run_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String UPDATE_SENT = "UPDATE hr_sync_sent_skill SET level = ?, verified_at = ?, hash = ?, "
            + "run_id = ? WHERE tenant_id = ? AND person_id = ? AND skill_id = ?";

    private static List<Object[]> sentRows(String tenantId, String runId, List<LedgerLine> lines, boolean insert) {
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (LedgerLine l : lines) {
            rows.add(insert
                    ? new Object[]{tenantId, l.personId(), l.skillId(), l.level(), SqlTime.param(l.verifiedAt()), l.hash(), runId}
                    : new Object[]{l.level(), SqlTime.param(l.verifiedAt()), l.hash(), runId, tenantId, l.personId(), l.skillId()});
        }
        return rows;
    }

    /** The lines whose statement changed no row, and with {@code unknownMissed} those the driver gave no count for. */
    private static List<LedgerLine> missed(List<LedgerLine> lines, int[] counts, boolean unknownMissed) {
        List<LedgerLine> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (counts[i] == 0 || (unknownMissed && counts[i] == java.sql.Statement.SUCCESS_NO_INFO)) {
                out.add(lines.get(i));
            }
        }
        return out;
    }

    /** Streams the ledgers of a run's batches in a state, in batch order, paged like {@link #forEachBatch}. */
    public void forEachLedger(String runId, HrSyncBatch.State state, Consumer<String> consumer) {
        int after = 0;
        List<Map.Entry<Integer, String>> page;
        do {
            page = jdbc.sql("SELECT b.batch_no, d.ledger FROM hr_sync_batch b JOIN hr_sync_batch_body d "
                            + "ON d.run_id = b.run_id AND d.batch_no = b.batch_no WHERE b.run_id = :run AND b.state = :state "
                            + "AND b.batch_no > :after ORDER BY b.run_id, b.batch_no FETCH FIRST :n ROWS ONLY")
                    .param("run", runId).param("state", state.name()).param("after", after).param("n", LEDGER_PAGE)
                    .query((rs, n) -> Map.entry(rs.getInt("batch_no"), rs.getString("ledger"))).list();
            for (Map.Entry<Integer, String> row : page) {
                consumer.accept(row.getValue());
                after = row.getKey();
            }
        } while (page.size() == LEDGER_PAGE);
    }

    /**
     * One line of a batch's ledger: what the sent state becomes for one person and skill, and what the
     * plan saw there, so that settling writes only what changed.
     */
    public record LedgerLine(String personId, String skillId, Effect effect, int level, Instant verifiedAt,
                             String hash) {

        /**
         * INSERT: HR held nothing; UPDATE: HR held another record; KEEP: HR holds this very record (a full
         * snapshot re-sent it); DELETE: a removal; REPLACE: an upsert planned before the plan recorded
         * what HR held (ledgers of runs planned by an earlier version), written as an update or insert.
         */
        public enum Effect { INSERT, UPDATE, KEEP, DELETE, REPLACE }

        public boolean upsert() {
            return effect != Effect.DELETE;
        }

        public String format() {
            return personId + '\t' + skillId + '\t' + wire(effect) + '\t' + level + '\t'
                    + verifiedAt + '\t' + (hash == null ? "" : hash);
        }

        public static LedgerLine parse(String line) {
            String[] f = line.split("\t", -1);
            return new LedgerLine(f[0], f[1], effect(f[2]), Integer.parseInt(f[3]),
                    f[4].equals("null") ? null : Instant.parse(f[4]), f[5].isEmpty() ? null : f[5]);
        }

        private static String wire(Effect effect) {
            return switch (effect) {
                case INSERT -> "insert";
                case UPDATE -> "update";
                case KEEP -> "keep";
                case DELETE -> "remove";
                case REPLACE -> "upsert";
            };
        }

        private static Effect effect(String wire) {
            return switch (wire) {
                case "insert" -> Effect.INSERT;
                case "update" -> Effect.UPDATE;
                case "keep" -> Effect.KEEP;
                case "remove" -> Effect.DELETE;
                case "upsert" -> Effect.REPLACE;
                default -> throw new IllegalStateException("unknown ledger effect '" + wire + "'");
            };
        }
    }

    private HrSyncRun mapRun(ResultSet rs, int n) throws SQLException {
        HrSyncRun.Counts counts = new HrSyncRun.Counts(rs.getInt("people_seen"), rs.getInt("people_sent"),
                rs.getInt("skills_upserted"), rs.getInt("skills_removed"), rs.getInt("batches_total"),
                rs.getInt("batches_sent"), rs.getInt("batches_failed"));
        return new HrSyncRun(rs.getString("id"), rs.getString("tenant_id"),
                SyncMode.valueOf(rs.getString("mode").toUpperCase(java.util.Locale.ROOT)), rs.getString("trigger_name"),
                RunStatus.valueOf(rs.getString("status")), rs.getString("taxonomy_version"), SqlTime.read(rs, "started_at"),
                SqlTime.read(rs, "finished_at"), counts, rs.getInt("without_hr_id_count"), strings(rs.getString("without_hr_id")),
                strings(rs.getString("errors")));
    }

    private static HrSyncBatch mapBatch(ResultSet rs, int n) throws SQLException {
        return new HrSyncBatch(rs.getString("run_id"), rs.getInt("batch_no"), rs.getString("idempotency_key"),
                HrSyncBatch.State.valueOf(rs.getString("state")), rs.getInt("record_count"), rs.getInt("upserts"),
                rs.getInt("removes"), rs.getString("body"), rs.getString("error"));
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> strings(String text) {
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable list in hr_sync_run", e);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

}
