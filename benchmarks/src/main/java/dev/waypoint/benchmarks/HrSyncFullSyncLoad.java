package dev.waypoint.benchmarks;

import dev.waypoint.core.hrsync.BatchOutput;
import dev.waypoint.core.hrsync.HrSyncBatch;
import dev.waypoint.core.hrsync.HrSyncRun;
import dev.waypoint.core.hrsync.HrSyncRunner;
import dev.waypoint.core.hrsync.RunOutput;
import dev.waypoint.core.hrsync.SyncMode;
import dev.waypoint.core.hrsync.jdbc.JdbcHrSyncStore;
import dev.waypoint.core.taxonomy.Taxonomy;
import dev.waypoint.core.taxonomy.TaxonomyYamlLoader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Load harness for the HR sync: a full sync of N people (default 100,000) with 10 verified skills each,
 * generated straight into the database (three evidence rows per person — a course, an applied project
 * and a manager endorsement, each granting the same 10 skills at level 3): embedded H2 in this JVM, or an
 * embedded PostgreSQL server (the production database, in its own process). Prints the wall time of the
 * sync and the true peak heap it used ({@link HeapPeak}). Run from the repository root (it reads the sample taxonomy);
 * see BENCHMARKS.md for the command.
 */
public final class HrSyncFullSyncLoad {

    private static final String TENANT = "default";
    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    /** CPU time of the database server when it runs outside this JVM; zero for embedded H2. */
    private static LongSupplier serverCpu = () -> 0L;

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "benchmarks/target/hr-sync-load");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String database = args.length > 3 ? args[3] : "h2";
        Files.createDirectories(dir);
        Taxonomy taxonomy = new TaxonomyYamlLoader().load("waypoint-sample.yaml",
                Files.readString(Path.of("samples/taxonomy/waypoint-sample.yaml"))).asOptional().orElseThrow();
        List<String> skills = taxonomy.skills().keySet().stream().sorted().limit(10).toList();
        switch (database) {
            case "h2" -> {
                String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
                try (Connection keepOpen = DriverManager.getConnection(url, "sa", "")) {
                    measure(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", ""), taxonomy, skills, people,
                            dir, runs);
                }
            }
            case "postgres" -> {
                // A separate server process: the database's memory is not in the measured heap. The data
                // directory is kept, so generated people are reused by the next start.
                // One connection held open, as the app's pool does: the driver's plain data source would start
                // a server process per statement.
                try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                        .setCleanDataDirectory(false).start();
                     Connection connection = postgres.getPostgresDatabase(Map.of("reWriteBatchedInserts", "true"))
                             .getConnection()) {
                    serverCpu = () -> PostgresCpu.nanos(dir.resolve("pg"));
                    measure(new SingleConnectionDataSource(connection, true), taxonomy, skills, people, dir, runs);
                }
            }
            default -> throw new IllegalArgumentException("database: h2 or postgres, not " + database);
        }
    }

    private static void measure(DataSource dataSource, Taxonomy taxonomy, List<String> skills, int people, Path dir,
                                int runs) throws Exception {
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager tx = new DataSourceTransactionManager(dataSource);
        long existing = jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE tenant_id = ?", Long.class, TENANT);
        if (existing != people) {
            long t0 = System.nanoTime();
            generate(jdbc, tx, people, skills);
            System.out.printf("generated %d people in %.1f s%n", people, (System.nanoTime() - t0) / 1e9);
        }
        jdbc.execute("TRUNCATE TABLE hr_sync_sent_skill");
        jdbc.execute("TRUNCATE TABLE hr_sync_batch_body");
        jdbc.update("DELETE FROM hr_sync_batch");
        jdbc.update("DELETE FROM hr_sync_run");

        JdbcHrSyncStore store = new JdbcHrSyncStore(jdbc, tx);
        HrSyncRunner runner = new HrSyncRunner(store, Clock.fixed(NOW, ZoneOffset.UTC), 500, Duration.ofSeconds(5));
        AtomicLong posted = new AtomicLong();
        BatchOutput receiver = new BatchOutput() {
            @Override public String name() { return "counting"; }
            @Override public Delivery deliver(String tenantId, HrSyncBatch batch) {
                posted.addAndGet(batch.body().length());
                return Delivery.ACCEPTED;
            }
        };
        Path jsonLines = dir.resolve("run.jsonl");
        RunOutput file = new RunOutput() {
            @Override public String name() { return "jsonl"; }
            @Override public void write(HrSyncRun run, Batches batches) {
                try (BufferedWriter out = Files.newBufferedWriter(jsonLines)) {
                    batches.forEach(b -> {
                        try {
                            out.write(b.body());
                            out.write('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };

        try (HeapPeak heap = new HeapPeak()) {
            for (String label : List.of("first full sync", "second full sync").subList(0, runs)) {
                System.gc();
                heap.reset();
                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                long serverCpuStart = serverCpu.getAsLong();
                HrSyncRun run = runner.run(TENANT, taxonomy, SyncMode.FULL, "benchmark", List.of(receiver), List.of(file));
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (processCpuNanos() - cpuStart) / 1e9;
                double databaseCpu = (serverCpu.getAsLong() - serverCpuStart) / 1e9;
                System.out.printf("%s: %s, %d people, %d upserts in %d batches, %.1f MB posted: %.1f s wall, "
                                + "%.1f s CPU of this JVM, %.1f s CPU of the PostgreSQL server, "
                                + "peak heap %.0f MB, largest live heap after a GC %.0f MB, %d GCs (max heap %.0f MB)%n",
                        label, run.status(), run.counts().peopleSent(), run.counts().skillsUpserted(),
                        run.counts().batchesTotal(), posted.getAndSet(0) / 1e6, seconds, cpu, databaseCpu, heap.peakBytes() / 1e6,
                        heap.liveBytes() / 1e6, heap.collections(), Runtime.getRuntime().maxMemory() / 1e6);
            }
        }
    }

    /**
     * CPU time of this process (every thread: the sync, the collector and, for H2, the database): on a
     * shared machine it says more about the work than the wall time does.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void generate(JdbcTemplate jdbc, DataSourceTransactionManager tx, int people, List<String> skills) {
        TransactionTemplate inTx = new TransactionTemplate(tx);
        OffsetDateTime at = NOW.minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC);
        String[] kinds = {"course_completion", "applied_project", "manager_endorsement"};
        int chunk = 2_000;
        for (int from = 0; from < people; from += chunk) {
            int to = Math.min(people, from + chunk);
            List<Object[]> persons = new ArrayList<>();
            List<Object[]> identities = new ArrayList<>();
            List<Object[]> evidence = new ArrayList<>();
            List<Object[]> grants = new ArrayList<>();
            for (int i = from; i < to; i++) {
                String id = String.format("p%08d", i);
                persons.add(new Object[]{id, TENANT, "Person " + i, 3.0, at});
                identities.add(new Object[]{TENANT, "hr_employee_id", String.format("E%08d", i), id, at});
                identities.add(new Object[]{TENANT, "email", "person" + i + "@example.com", id, at});
                for (int k = 0; k < kinds.length; k++) {
                    String evidenceId = id + "-" + k;
                    evidence.add(new Object[]{evidenceId, TENANT, id, kinds[k], at.plusMinutes(k), "bench",
                            evidenceId, "bench:" + evidenceId, at});
                    for (int s = 0; s < skills.size(); s++) {
                        grants.add(new Object[]{evidenceId, s, skills.get(s), 3});
                    }
                }
            }
            inTx.executeWithoutResult(status -> {
                jdbc.batchUpdate("INSERT INTO person (id, tenant_id, display_name, weekly_hours, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)", persons);
                jdbc.batchUpdate("INSERT INTO person_identity (tenant_id, kind, identity_value, person_id, linked_at) "
                        + "VALUES (?, ?, ?, ?, ?)", identities);
                jdbc.batchUpdate("INSERT INTO evidence (id, tenant_id, person_id, kind, occurred_at, source_system, "
                        + "external_id, natural_key, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", evidence);
                jdbc.batchUpdate("INSERT INTO evidence_grant (evidence_id, seq, skill_id, level) VALUES (?, ?, ?, ?)",
                        grants);
            });
        }
    }

}
