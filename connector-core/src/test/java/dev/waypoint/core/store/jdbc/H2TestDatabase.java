package dev.waypoint.core.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * H2 in memory, in the mode the embedded default runs in. An in-memory database lives as long as a
 * connection to it is open, so closing the pool drops it.
 */
public final class H2TestDatabase implements TestDatabase {

    static final String OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";

    @Override
    public DataSource create() {
        return openMigrated();
    }

    /** A fresh in-memory database with every migration applied; close the pool to drop it. */
    public static HikariDataSource openMigrated() {
        HikariDataSource pool = Pools.open("jdbc:h2:mem:" + UUID.randomUUID() + OPTIONS, "sa", "");
        Flyway.configure().dataSource(pool).load().migrate();
        return pool;
    }

    @Override
    public void drop(DataSource dataSource) {
        ((HikariDataSource) dataSource).close();
    }
}
