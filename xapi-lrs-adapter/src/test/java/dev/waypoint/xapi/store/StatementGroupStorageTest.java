package dev.waypoint.xapi.store;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Several requests in one transaction: each is stored all or none, as if it had been alone. */
class StatementGroupStorageTest {

    private final JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(pool);
    private final JdbcStatementStore store;

    StatementGroupStorageTest() {
        Flyway.configure().dataSource(pool).load().migrate();
        store = new JdbcStatementStore(jdbc, new DataSourceTransactionManager(pool));
    }

    @AfterEach
    void close() {
        store.close();
        jdbc.execute("SHUTDOWN");
        pool.dispose();
    }

    @Test
    void aConflictRefusesOnlyTheRequestThatHoldsIt() {
        store.storeBatch(List.of(row("x", "first content")));

        List<JdbcStatementStore.BatchResult> outcomes = store.storeGroup(List.of(
                List.of(row("a1", "a"), row("a2", "a")),
                List.of(row("b1", "b"), row("x", "other content")),
                List.of(row("c1", "c"))));

        assertThat(outcomes.get(0).conflict()).isFalse();
        assertThat(outcomes.get(0).newlyStored()).containsExactly("a1", "a2");
        assertThat(outcomes.get(1).conflictingId()).isEqualTo("x");
        assertThat(outcomes.get(2).newlyStored()).containsExactly("c1");
        assertThat(ids()).containsExactlyInAnyOrder("x", "a1", "a2", "c1");
        assertThat(hashOf("x")).isEqualTo("first content");
    }

    @Test
    void theSameIdWithOtherContentLaterInTheGroupIsAConflictAndTheFirstStays() {
        List<JdbcStatementStore.BatchResult> outcomes = store.storeGroup(List.of(
                List.of(row("y", "one")),
                List.of(row("y", "two"), row("z", "two"))));

        assertThat(outcomes.get(0).newlyStored()).containsExactly("y");
        assertThat(outcomes.get(1).conflictingId()).isEqualTo("y");
        assertThat(ids()).containsExactly("y");
        assertThat(hashOf("y")).isEqualTo("one");
    }

    @Test
    void theSameStatementTwiceInOneGroupIsStoredOnceAndHandedOnOnce() {
        List<JdbcStatementStore.BatchResult> outcomes = store.storeGroup(List.of(
                List.of(row("s", "same")),
                List.of(row("s", "same"))));

        assertThat(outcomes).noneMatch(JdbcStatementStore.BatchResult::conflict);
        assertThat(outcomes.get(0).newlyStored()).containsExactly("s");
        assertThat(outcomes.get(1).newlyStored()).isEmpty();
        assertThat(ids()).containsExactly("s");
    }

    @Test
    void aConflictLeftAloneInTheGroupStoresNothing() {
        store.storeBatch(List.of(row("x", "first content")));

        List<JdbcStatementStore.BatchResult> outcomes = store.storeGroup(List.of(List.of(row("n", "n"), row("x", "changed"))));

        assertThat(outcomes.get(0).conflictingId()).isEqualTo("x");
        assertThat(ids()).containsExactly("x");
    }

    @Test
    void concurrentRequestsAreAllStored() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<JdbcStatementStore.BatchResult>> outcomes = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String id = "r" + i;
                outcomes.add(clients.submit(() -> store.storeBatch(List.of(row(id, id), row(id + "-b", id)))));
            }
            for (int i = 0; i < outcomes.size(); i++) {
                assertThat(outcomes.get(i).get().newlyStored()).containsExactly("r" + i, "r" + i + "-b");
            }
        } finally {
            clients.shutdown();
        }
        assertThat(store.count("default")).isEqualTo(800);
    }

    @Test
    void countsStatementsPerTenantLeavingOutTenantsWithNone() {
        jdbc.update("INSERT INTO tenant (id, name, created_at) VALUES ('acme', 'Acme', CURRENT_TIMESTAMP), "
                + "('quiet', 'Quiet', CURRENT_TIMESTAMP)");
        store.storeBatch(List.of(row("d1", "d1"), row("d2", "d2"), row("d3", "d3")));
        store.storeBatch(List.of(row("acme", "a1", "a1")));

        assertThat(store.countByTenant()).containsExactly(Map.entry("acme", 1L), Map.entry("default", 3L));
    }

    private static StatementRow row(String id, String hash) {
        return row("default", id, hash);
    }

    private static StatementRow row(String tenant, String id, String hash) {
        return new StatementRow(tenant, id, hash, "mbox:mailto:a@example.com", "http://adlnet.gov/expapi/verbs/completed",
                "https://lms.example.com/course/1", null, "{\"id\":\"" + id + "\"}", null, "k", "1.0.3",
                Instant.parse("2026-06-01T00:00:00Z"), true);
    }

    private List<String> ids() {
        return jdbc.queryForList("SELECT statement_id FROM xapi_statement", String.class);
    }

    private String hashOf(String id) {
        return jdbc.queryForObject("SELECT content_hash FROM xapi_statement WHERE statement_id = ?", String.class, id);
    }
}
