package dev.waypoint.core.store.jdbc;

import dev.waypoint.core.evidence.Evidence;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.taxonomy.SkillGrant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

/**
 * What every storage contract needs: a fresh migrated database per test, on the engine the subclass
 * names, and a few fixtures. The contracts are run on H2 by {@link JdbcStoreOnH2Test} and on
 * PostgreSQL by {@link JdbcStoreOnPostgresTest}.
 */
abstract class JdbcStoreContract {

    static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    static final String DEFAULT = "default";

    DataSource dataSource;
    JdbcClient jdbc;
    PlatformTransactionManager tx;

    abstract TestDatabase database();

    @BeforeEach
    void openDatabase() {
        dataSource = database().create();
        jdbc = JdbcClient.create(dataSource);
        tx = new DataSourceTransactionManager(dataSource);
    }

    @AfterEach
    void dropDatabase() {
        database().drop(dataSource);
    }

    long rows(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    String newPerson(String tenantId, String email) {
        return new JdbcPersonRepository(jdbc, tx)
                .resolve(tenantId, List.of(IdentityRef.of(IdentityKind.EMAIL, email)), null)
                .person().id();
    }

    static Evidence evidence(String tenantId, String personId, String externalId, Instant occurredAt, SkillGrant... grants) {
        return new Evidence(null, tenantId, personId, EvidenceKind.COURSE_COMPLETION, List.of(grants), occurredAt,
                "moodle", externalId, "moodle:" + externalId, "moodle:course:SQL101", null, null, null, null);
    }
}
