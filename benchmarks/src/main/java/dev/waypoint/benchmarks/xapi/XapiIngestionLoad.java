package dev.waypoint.benchmarks.xapi;

import dev.waypoint.benchmarks.KeepAliveHttp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The xAPI ingestion load harness (BENCHMARKS.md, "xAPI ingestion"). Starts a PostgreSQL (embedded binaries)
 * and the Waypoint server jar as a separate process on 127.0.0.1, creates an xAPI credential through the admin
 * API, then sends logstore_xapi-shaped statements from a bounded loop: POSTs of 30, then single-statement POSTs,
 * each phase bounded by a request count and a time limit. Afterwards it measures the raw ceiling of the same
 * database: plain JDBC batch inserts of rows of the same shape into the same table, 30 per transaction and 1 per
 * transaction, from as many threads. Prints throughput, p50 and p99, the ratio to the ceiling, and the server's CPU
 * time per statement (its process CPU time over the phase, divided by the statements it took): on a host shared
 * with other work, that figure moves far less than the throughput does.
 *
 * <p>Arguments (all optional): {@code jar=connector-app/target/waypoint.jar threads=8 seconds=30 maxRequests=20000
 * jfr=benchmarks/target/xapi-server.jfr durable=false warmup=10}: {@code jfr} records the server's CPU samples with Flight
 * Recorder (for {@code jfr print --events jdk.ExecutionSample}); {@code durable=true} runs PostgreSQL with
 * {@code fsync} and {@code synchronous_commit} on instead of the embedded binaries' defaults (both off);
 * {@code warmup} is the seconds of each shape's untimed warm-up.
 */
public final class XapiIngestionLoad {

    private static final String ADMIN_TOKEN = "bench-admin-token-0123456789abcdef";
    private static final String SITE = "https://moodle.example.com";

    public static void main(String[] args) throws Exception {
        String jar = arg(args, "jar", "connector-app/target/waypoint.jar");
        int threads = Integer.parseInt(arg(args, "threads", "8"));
        Duration limit = Duration.ofSeconds(Long.parseLong(arg(args, "seconds", "30")));
        long maxRequests = Long.parseLong(arg(args, "maxRequests", "20000"));
        if (!new File(jar).isFile()) {
            throw new IllegalArgumentException("no server jar at " + jar + "; build it with ./mvnw -B -o -pl connector-app -am package -DskipTests");
        }
        EmbeddedPostgres.Builder database = EmbeddedPostgres.builder();
        if (Boolean.parseBoolean(arg(args, "durable", "false"))) {
            // The embedded defaults are fsync off (-F) and synchronous_commit off; these come later and win.
            database.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        try (EmbeddedPostgres postgres = database.start()) {
            String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            int port = freePort();
            Process server = startServer(jar, port, jdbcUrl, arg(args, "jfr", null));
            try {
                String base = "http://127.0.0.1:" + port;
                awaitHealthy(base, server);
                String basic = createCredential(base);
                AtomicLong sequence = new AtomicLong();

                // Both shapes are warmed up: until the JIT has compiled their paths, a phase measures the compiler.
                Duration warmUp = Duration.ofSeconds(Long.parseLong(arg(args, "warmup", "10")));
                phase("warm-up, POST of 30", base, basic, threads, warmUp, 200_000, n -> batch(sequence, 30), 30);
                phase("warm-up, POST of 1", base, basic, threads, warmUp, 200_000, n -> statement(sequence.incrementAndGet()), 1);
                Duration cpu0 = cpu(server);
                Latencies batches = phase("POST of 30", base, basic, threads, limit, maxRequests, n -> batch(sequence, 30), 30);
                Duration cpu1 = cpu(server);
                Latencies singles = phase("POST of 1", base, basic, threads, limit, maxRequests, n -> statement(sequence.incrementAndGet()), 1);
                Duration cpu2 = cpu(server);

                Latencies ceilingBatches = ceiling(postgres, threads, batches.statements(), 30);
                Latencies ceilingSingles = ceiling(postgres, threads, singles.statements(), 1);

                System.out.println();
                System.out.printf(Locale.ROOT, "%-28s %12s %10s %10s %10s %9s%n", "phase", "statements/s", "requests", "p50 ms", "p99 ms", "failures");
                report("server, POST of 30", batches);
                report("server, POST of 1", singles);
                report("JDBC ceiling, 30 per tx", ceilingBatches);
                report("JDBC ceiling, 1 per tx", ceilingSingles);
                System.out.printf(Locale.ROOT, "ratio to ceiling: POST of 30 %.2f, POST of 1 %.2f%n",
                        batches.statementsPerSecond() / ceilingBatches.statementsPerSecond(),
                        singles.statementsPerSecond() / ceilingSingles.statementsPerSecond());
                System.out.printf(Locale.ROOT, "server CPU per statement: POST of 30 %.0f µs, POST of 1 %.0f µs%n",
                        cpu1.minus(cpu0).toNanos() / 1e3 / batches.statements(), cpu2.minus(cpu1).toNanos() / 1e3 / singles.statements());
                System.out.printf(Locale.ROOT, "threads=%d, limit=%ss or %d requests per phase, cores=%d, %s%n",
                        threads, limit.toSeconds(), maxRequests, Runtime.getRuntime().availableProcessors(), durability(postgres));
            } finally {
                server.destroy();
                server.waitFor();
            }
        }
    }

    /** The settings that decide whether a commit waits for the disk, as the running database reports them. */
    private static String durability(EmbeddedPostgres postgres) throws SQLException {
        StringBuilder settings = new StringBuilder("PostgreSQL");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement show = c.createStatement()) {
            for (String name : List.of("fsync", "synchronous_commit")) {
                try (ResultSet value = show.executeQuery("SHOW " + name)) {
                    value.next();
                    settings.append(' ').append(name).append('=').append(value.getString(1));
                }
            }
        }
        return settings.toString();
    }

    /** The server process's CPU time so far (all its threads, JIT and GC included). */
    private static Duration cpu(Process server) {
        return server.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time for the server process"));
    }

    private static Latencies phase(String name, String base, String basic, int threads, Duration limit, long maxRequests,
                                   LongFunction<String> body, int perRequest) throws InterruptedException {
        KeepAliveHttp http = new KeepAliveHttp(base);
        Map<String, String> headers = Map.of("Authorization", basic, "X-Experience-API-Version", "1.0.3",
                "Content-Type", "application/json");
        AtomicLong issued = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + limit.toNanos();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                long[] mine = new long[(int) Math.min(maxRequests, 5_000_000)];
                int count = 0;
                while (System.nanoTime() < deadline) {
                    long n = issued.incrementAndGet();
                    if (n > maxRequests) {
                        break;
                    }
                    String json = body.apply(n);
                    long began = System.nanoTime();
                    try {
                        if (http.send("POST", "/xapi/statements", headers, json).status() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    }
                    mine[count++] = System.nanoTime() - began;
                }
                http.closeConnection();
                long[] trimmed = new long[count];
                System.arraycopy(mine, 0, trimmed, 0, count);
                all.add(trimmed);
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - start;
        long[] nanos = all.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        Latencies result = new Latencies(nanos, (nanos.length - failures.get()) * perRequest, elapsed, failures.get());
        System.out.printf(Locale.ROOT, "%s: %d requests in %.1f s%n", name, nanos.length, elapsed / 1e9);
        return result;
    }

    /** The same rows into the same table with plain JDBC: {@code perTx} rows per batch and transaction. */
    private static Latencies ceiling(EmbeddedPostgres postgres, int threads, long rows, int perTx) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("INSERT INTO tenant (id, name, created_at) VALUES ('ceiling-" + perTx
                    + "', 'JDBC ceiling', now()) ON CONFLICT DO NOTHING");
        }
        long transactions = Math.max(1, rows / perTx);
        AtomicLong next = new AtomicLong();
        ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                try (Connection c = postgres.getPostgresDatabase().getConnection();
                     PreparedStatement insert = c.prepareStatement("""
                             INSERT INTO xapi_statement (tenant_id, statement_id, content_hash, actor_key, verb_id, object_id, voids,
                                 raw_json, warnings, authority, received_version, stored_at, voided, mapped)
                             VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, '1.0.3', ?, FALSE, TRUE) ON CONFLICT DO NOTHING""")) {
                    c.setAutoCommit(false);
                    long tx;
                    while ((tx = next.getAndIncrement()) < transactions) {
                        long began = System.nanoTime();
                        for (int i = 0; i < perTx; i++) {
                            long n = tx * perTx + i;
                            String raw = statement(n);
                            insert.setString(1, "ceiling-" + perTx);
                            insert.setString(2, UUID.nameUUIDFromBytes(raw.getBytes(StandardCharsets.UTF_8)).toString());
                            insert.setString(3, sha256(raw));
                            insert.setString(4, "account:" + SITE + "|" + (n % 5000));
                            insert.setString(5, "http://id.tincanapi.com/verb/viewed");
                            insert.setString(6, SITE + "/mod/page/view.php?id=" + n);
                            insert.setString(7, raw);
                            insert.setString(8, "xk_ceiling");
                            insert.setTimestamp(9, Timestamp.from(Instant.now()));
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        c.commit();
                        mine.add(System.nanoTime() - began);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                all.add(mine.stream().mapToLong(Long::longValue).toArray());
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - start;
        long[] nanos = all.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        return new Latencies(nanos, (long) nanos.length * perTx, elapsed, 0);
    }

    private static String batch(AtomicLong sequence, int size) {
        StringBuilder body = new StringBuilder(size * 900).append('[');
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append(statement(sequence.incrementAndGet()));
        }
        return body.append(']').toString();
    }

    /**
     * A logstore_xapi "viewed a page" statement, without id, unique by its object and timestamp: the template's
     * parts are fixed once and joined per statement, because {@code String.format} on every statement was load
     * generator CPU taken from the two cores the server shares.
     */
    static String statement(long n) {
        Instant at = Instant.parse("2026-05-01T00:00:00Z").plusMillis(n);
        long learner = n % 5000;
        return new StringBuilder(1200)
                .append("{\"actor\":{\"objectType\":\"Agent\",\"name\":\"Learner ").append(learner)
                .append("\",\"account\":{\"homePage\":\"").append(SITE).append("\",\"name\":\"").append(learner).append("\"}},")
                .append(VERB)
                .append("\"object\":{\"id\":\"").append(SITE).append("/mod/page/view.php?id=").append(n)
                .append("\",\"objectType\":\"Activity\",\"definition\":{")
                .append("\"type\":\"http://id.tincanapi.com/activitytype/lms/module\",\"name\":{\"en\":\"Page ").append(n).append("\"}}},")
                .append("\"timestamp\":\"").append(at).append("\",")
                .append(CONTEXT)
                .toString();
    }

    private static final String VERB = "\"verb\":{\"id\":\"http://id.tincanapi.com/verb/viewed\",\"display\":{\"en\":\"viewed\"}},";
    private static final String CONTEXT = """
            "context":{"platform":"Moodle","language":"en","contextActivities":{"grouping":[\
            {"id":"%1$s","objectType":"Activity","definition":{"type":"http://id.tincanapi.com/activitytype/lms","name":{"en":"Example Moodle"}}},\
            {"id":"%1$s/course/view.php?id=2","objectType":"Activity","definition":{"type":"https://w3id.org/xapi/cmi5/activitytype/course",\
            "name":{"en":"SQL Fundamentals"}}}],"category":[{"id":"https://moodle.org","objectType":"Activity",\
            "definition":{"type":"http://id.tincanapi.com/activitytype/source","name":{"en":"Moodle"}}}]}}}""".formatted(SITE);

    private static Process startServer(String jar, int port, String jdbcUrl, String jfr) throws IOException {
        File log = new File("benchmarks/target/xapi-server.log");
        log.getParentFile().mkdirs();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms512m", "-Xmx1g"));
        if (jfr != null) {
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr);
        }
        command.addAll(List.of("-jar", jar,
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=16",
                "--waypoint.admin-token=" + ADMIN_TOKEN, "--waypoint.xapi.moodle-sites[0]=" + SITE,
                "--logging.level.root=WARN"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void awaitHealthy(String base, Process server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped; see benchmarks/target/xapi-server.log");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not become healthy within 3 minutes");
    }

    private static String createCredential(String base) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/xapi/credentials"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"tenant\":\"default\",\"label\":\"load harness\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("credential not created: " + created.statusCode() + " " + created.body());
        }
        String body = created.body();
        String key = field(body, "key");
        String secret = field(body, "secret");
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(at, json.indexOf('"', at));
    }

    private static void report(String name, Latencies l) {
        System.out.printf(Locale.ROOT, "%-28s %12.0f %10d %10.1f %10.1f %9d%n", name, l.statementsPerSecond(), l.nanos().length,
                l.percentileMillis(50), l.percentileMillis(99), l.failures());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
