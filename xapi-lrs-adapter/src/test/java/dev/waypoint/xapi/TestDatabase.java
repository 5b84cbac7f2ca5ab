package dev.waypoint.xapi;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.UUID;

/** A fresh in-memory H2 (PostgreSQL mode) with every migration on the classpath, the xAPI ones included. */
final class TestDatabase {

    final SingleConnectionDataSource dataSource;
    final JdbcTemplate jdbc;
    final DataSourceTransactionManager tx;

    TestDatabase() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        tx = new DataSourceTransactionManager(dataSource);
    }

    void close() {
        dataSource.destroy();
    }
}
