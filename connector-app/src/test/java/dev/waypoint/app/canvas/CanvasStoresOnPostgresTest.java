package dev.waypoint.app.canvas;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.canvas.CanvasSyncReport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Lock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Canvas tables of V80 and their SQL on PostgreSQL, the production database (the server tests run
 * them on H2): configurations, runs, watermarks, and the sync lock over INT_LOCK between two "nodes".
 */
class CanvasStoresOnPostgresTest {

    private static final Instant AT = Instant.parse("2026-06-01T02:00:00Z");

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD).start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO tenant (id, name, created_at) VALUES ('pg', 'pg', ?) ON CONFLICT DO NOTHING")
                .param(Timestamp.from(AT)).update();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aConfigurationIsStoredThenReplacedWithItsSecrets() {
        JdbcCanvasTenantConfigs configs = new JdbcCanvasTenantConfigs(jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), new ObjectMapper());
        CanvasSettings.Tenant first = CanvasSettings.Tenant.withDefaults("https://school.instructure.com", "token-1", null,
                null, null, 2, "live", null, "900", true, List.of("205", "210"), "0 0 2 * * *");
        configs.save("pg", first, AT);
        CanvasSettings.Tenant second = CanvasSettings.Tenant.withDefaults("https://school.instructure.com", null, "42",
                "key-secret", "refresh", 3, null, "https://sso.canvaslms.com/api/lti/security/jwks", null, false, List.of(), null);
        configs.save("pg", second, AT.plusSeconds(60));

        JdbcCanvasTenantConfigs.Stored stored = configs.find("pg").orElseThrow();
        assertThat(stored.tenant()).isEqualTo(second);
        assertThat(stored.updatedAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(configs.tenantIds()).containsExactly("pg");
        assertThat(configs.find("elsewhere")).isEmpty();
    }

    @Test
    void runsAreRecordedAndTheLastOneComesBack() {
        JdbcCanvasSyncRuns runs = new JdbcCanvasSyncRuns(jdbc, new ObjectMapper());
        String first = runs.started("pg-runs", "scheduled", AT);
        runs.finished(first, new CanvasSyncReport("pg-runs", 2, 10, 4, 1, 0, 0, 30, 0, Duration.ofSeconds(3),
                List.of("course 210: refused")), AT.plusSeconds(3));
        String second = runs.started("pg-runs", "on_demand", AT);
        runs.failed(second, "Canvas did not answer", AT.plusSeconds(1));

        CanvasSyncRun last = runs.last("pg-runs").orElseThrow();
        assertThat(last.id()).as("same start: the later run").isEqualTo(second);
        assertThat(last.status()).isEqualTo("failed");
        assertThat(last.errors()).containsExactly("Canvas did not answer");
        assertThat(runs.lastScheduledStart("pg-runs")).contains(AT);
        assertThat(runs.lastScheduledStart("never")).isEmpty();
        assertThat(jdbc.sql("SELECT status FROM canvas_sync_run WHERE id = ?").param(first).query(String.class).single())
                .isEqualTo("partial");
    }

    @Test
    void aWatermarkOnlyMovesForward() {
        JdbcCanvasWatermarks watermarks = new JdbcCanvasWatermarks(jdbc);
        watermarks.passSucceeded("pg", "205", AT);
        watermarks.passSucceeded("pg", "205", AT.minusSeconds(3600));
        watermarks.passSucceeded("pg", "205", AT.plusSeconds(3600));
        watermarks.passSucceeded("pg", "205", AT);

        assertThat(watermarks.lastPassStarted("pg", "205")).contains(AT.plusSeconds(3600));
    }

    @Test
    void theSyncLockIsHeldByOneNodeAtATime() throws Exception {
        JdbcLockRegistry nodeA = registry();
        JdbcLockRegistry nodeB = registry();
        Lock held = nodeA.obtain("canvas-sync-pg");
        assertThat(held.tryLock()).isTrue();
        try {
            // tried from another thread, as another node's schedule would
            assertThat(CompletableFuture.supplyAsync(() -> nodeB.obtain("canvas-sync-pg").tryLock()).get()).isFalse();
        } finally {
            held.unlock();
        }
        Lock after = nodeB.obtain("canvas-sync-pg");
        assertThat(after.tryLock()).isTrue();
        after.unlock();
    }

    private static JdbcLockRegistry registry() {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion("waypoint-canvas-sync");
        repository.setTransactionManager(new DataSourceTransactionManager(dataSource));
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        return new JdbcLockRegistry(repository);
    }
}
