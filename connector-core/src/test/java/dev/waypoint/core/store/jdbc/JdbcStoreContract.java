package dev.waypoint.core.store.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Instant;

/**
 * What every storage contract needs: a fresh migrated database per test, on the engine the subclass
 * names. The contracts are run on H2 by {@link JdbcStoreOnH2Test} and on
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
}
