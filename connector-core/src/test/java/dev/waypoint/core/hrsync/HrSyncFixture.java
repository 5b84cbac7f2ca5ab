package dev.waypoint.core.hrsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.waypoint.core.evidence.Evidence;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.hrsync.jdbc.JdbcHrSyncStore;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.store.jdbc.JdbcEvidenceRepository;
import dev.waypoint.core.store.jdbc.JdbcPersonRepository;
import dev.waypoint.core.taxonomy.SkillGrant;
import dev.waypoint.core.taxonomy.Taxonomy;
import dev.waypoint.core.taxonomy.TaxonomyYamlLoader;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A migrated in-memory H2 database with the sample taxonomy, people with evidence, and a movable clock. */
final class HrSyncFixture implements AutoCloseable {

    static final String TENANT = "default";
    static final Instant START = Instant.parse("2026-06-01T02:00:00Z");

    final HikariDataSource dataSource;
    final JdbcHrSyncStore store;
    final JdbcPersonRepository people;
    final JdbcEvidenceRepository evidence;
    final Taxonomy taxonomy;
    Instant now = START;

    HrSyncFixture() throws IOException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTemplate template = new JdbcTemplate(dataSource);
        DataSourceTransactionManager tx = new DataSourceTransactionManager(dataSource);
        store = new JdbcHrSyncStore(template, tx);
        people = new JdbcPersonRepository(JdbcClient.create(template), tx);
        evidence = new JdbcEvidenceRepository(JdbcClient.create(template), tx);
        taxonomy = new TaxonomyYamlLoader().load("waypoint-sample.yaml",
                Files.readString(Path.of("../samples/taxonomy/waypoint-sample.yaml"))).asOptional().orElseThrow();
    }

    /** People E1…E5, each verified in SQL at level 3 ten days before {@link #START}. */
    static HrSyncFixture withFiveVerifiedPeople() throws IOException {
        HrSyncFixture db = new HrSyncFixture();
        for (int i = 1; i <= 5; i++) {
            db.verified(db.person("E" + i, "p" + i + "@example.com"), "sql", 3, START.minus(Duration.ofDays(10)));
        }
        return db;
    }

    HrSyncRunner runner(int batchSize) {
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now; }
        };
        return new HrSyncRunner(store, clock, batchSize, Duration.ofSeconds(10));
    }

    /** A person with an HR employee id (null for none) and an e-mail. */
    String person(String hrId, String email) {
        List<IdentityRef> ids = new ArrayList<>();
        ids.add(IdentityRef.of(IdentityKind.EMAIL, email));
        if (hrId != null) {
            ids.add(IdentityRef.of(IdentityKind.HR_EMPLOYEE_ID, hrId));
        }
        return people.resolve(TENANT, ids, email).person().id();
    }

    void evidence(String personId, String key, EvidenceKind kind, String skill, int level, Instant at) {
        evidence.insertIfAbsent(new Evidence(null, TENANT, personId, kind, List.of(new SkillGrant(skill, level)), at,
                "test", key, "test:" + key, null, null, null, null, null));
    }

    void revoke(String personId, String key, Instant at) {
        evidence.insertIfAbsent(new Evidence(null, TENANT, personId, EvidenceKind.REVOCATION, List.of(), at,
                "test", "revoke-" + key, "test:revoke-" + key, null, null, "test:" + key, null, null));
    }

    /** Course at the level, applied project and endorsement: verified at the level by the default policy. */
    void verified(String personId, String skill, int level, Instant at) {
        evidence(personId, personId + skill + "course" + level, EvidenceKind.COURSE_COMPLETION, skill, level, at);
        evidence(personId, personId + skill + "project", EvidenceKind.APPLIED_PROJECT, skill, level, at.plusSeconds(60));
        evidence(personId, personId + skill + "endorsement", EvidenceKind.MANAGER_ENDORSEMENT, skill, level, at.plusSeconds(120));
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** Keeps every batch it is given, parsed, and can be told to fail at a batch number. */
    static final class RecordingOutput implements BatchOutput {
        final ObjectMapper json = new ObjectMapper();
        final List<String> keys = new ArrayList<>();
        final List<JsonNode> records = new ArrayList<>();
        int crashAtBatch = -1;

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public Delivery deliver(String tenantId, HrSyncBatch batch) {
            if (batch.batchNo() == crashAtBatch) {
                crashAtBatch = -1;
                throw new IllegalStateException("killed while sending batch " + batch.batchNo());
            }
            keys.add(batch.idempotencyKey());
            try {
                json.readTree(batch.body()).get("records").forEach(records::add);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Delivery.ACCEPTED;
        }

        List<String> lines() {
            return records.stream().map(r -> r.get("action").asText() + " " + r.get("hrEmployeeId").asText() + " "
                    + r.get("skillId").asText() + " " + r.get("level").asInt()).toList();
        }

        void clear() {
            keys.clear();
            records.clear();
        }
    }
}
