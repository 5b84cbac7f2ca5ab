package dev.waypoint.app.hrsync;

import dev.waypoint.app.support.OtherNode;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hr-sync --once}: exit codes and the one line that says why, without a web server. */
class HrSyncCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    /** The command's own database; kept open between runs, so a test can act in it as another node would. */
    private final String databaseUrl = "jdbc:h2:mem:cli-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    private JdbcDataSource database() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL(databaseUrl);
        database.setUser("sa"); // application.yml's user, which created the database
        return database;
    }

    @AfterEach
    void dropDatabase() throws Exception {
        JdbcDataSource database = database();
        try (var connection = database.getConnection(); var shutdown = connection.createStatement()) {
            shutdown.execute("SHUTDOWN");
        }
    }

    private int run(String... extra) {
        List<String> args = new ArrayList<>(List.of("hr-sync"));
        args.addAll(List.of(extra));
        args.add("--spring.datasource.url=" + databaseUrl);
        args.add("--waypoint.admin-token=cli-test-admin-token-0123456789");
        args.add("--logging.level.root=WARN");
        return HrSyncCommand.run(args.toArray(String[]::new), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String lastLine() {
        String[] lines = printed.toString(StandardCharsets.UTF_8).strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void oneSyncToADirectoryExitsZero() throws Exception {
        int code = run("--once", "--waypoint.hr-sync.tenants.default.files.directory=" + dir);

        assertThat(code).as(printed.toString()).isZero();
        assertThat(lastLine()).startsWith("hr-sync: succeeded: 1 tenant(s)");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".manifest.json"));
        }
    }

    @Test
    void runsBesideAServerAlreadyListeningOnTheConfiguredPort() throws Exception {
        // application.yml's server.port (8080): held here when free, and if it is not, someone else holds it
        try (ServerSocket taken = bindIfFree(8080)) {
            int code = run("--once", "--waypoint.hr-sync.tenants.default.files.directory=" + dir);

            assertThat(code).as(printed.toString()).isZero();
        }
    }

    private static ServerSocket bindIfFree(int port) {
        try {
            return new ServerSocket(port);
        } catch (IOException inUse) {
            return null;
        }
    }

    @Test
    void aMissingDirectoryExitsNonZeroWithTheReason() {
        int code = run("--once", "--waypoint.hr-sync.tenants.default.files.directory=" + dir.resolve("gone"));

        assertThat(code).isEqualTo(1);
        assertThat(lastLine()).contains("interrupted", "gone", "does not exist");
    }

    @Test
    void nothingConfiguredExitsTwo() {
        assertThat(run("--once")).isEqualTo(2);
        assertThat(lastLine()).isEqualTo("hr-sync: not run: no tenant has an HR sync output configured");
    }

    @Test
    void anotherNodeHoldingTheLockExitsThree() {
        String directory = "--waypoint.hr-sync.tenants.default.files.directory=" + dir;
        assertThat(run("--once", directory)).as("a first run creates the schema").isZero();
        JdbcDataSource database = database();
        Lock heldElsewhere = OtherNode.locks(database, new DataSourceTransactionManager(database), HrSyncJob.LOCK_KEY)
                .obtain(HrSyncJob.LOCK_KEY);
        assertThat(heldElsewhere.tryLock()).isTrue();
        try {
            assertThat(run("--once", directory)).as(printed.toString()).isEqualTo(3);
            assertThat(lastLine()).isEqualTo("hr-sync: not run: another node is running the HR sync");
        } finally {
            heldElsewhere.unlock();
        }
    }

    @Test
    void withoutOnceItExplainsTheUsage() {
        assertThat(HrSyncCommand.run(new String[]{"hr-sync"}, new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(lastLine()).contains("usage: hr-sync --once");
    }
}
