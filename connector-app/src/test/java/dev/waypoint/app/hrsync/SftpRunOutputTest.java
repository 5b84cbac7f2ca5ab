package dev.waypoint.app.hrsync;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.hrsync.HrSyncBatch;
import dev.waypoint.core.hrsync.HrSyncRun;
import dev.waypoint.core.hrsync.OutputUnavailableException;
import dev.waypoint.core.hrsync.RunOutput;
import dev.waypoint.core.hrsync.RunStatus;
import dev.waypoint.core.hrsync.SyncMode;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run's files copied to an SFTP server (Apache MINA SSHD on a loopback port) through spring-integration-sftp. */
class SftpRunOutputTest {

    private static final HrSyncRun RUN = new HrSyncRun("run-sftp", "default", SyncMode.FULL, "test",
            RunStatus.DELIVERING, "2025.1-sample", Instant.parse("2026-06-01T02:00:00Z"), null,
            HrSyncRun.Counts.NONE, 0, List.of(), List.of());

    @TempDir
    Path local;
    @TempDir
    Path remoteRoot;

    private SshServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(local.resolve("host.key")));
        server.setPasswordAuthenticator((user, password, session) -> "hr".equals(user) && "s3cret".equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(remoteRoot));
        server.start();
        Files.createDirectories(local.resolve("out"));
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop(true);
    }

    private RunOutput.Batches oneBatch() {
        return consumer -> consumer.accept(new HrSyncBatch(RUN.id(), 1, "run-sftp-1", HrSyncBatch.State.SENT, 1, 1, 0,
                "{\"records\":[{\"schemaVersion\":1,\"action\":\"upsert\",\"hrEmployeeId\":\"E1\",\"skillId\":\"sql\","
                        + "\"level\":3,\"evidence\":[]}]}", null));
    }

    @Test
    void copiesTheRunFilesAndTheManifest() throws Exception {
        FileRunOutput files = new FileRunOutput(local.resolve("out"), new ObjectMapper(),
                Clock.fixed(Instant.parse("2026-06-01T02:05:00Z"), ZoneOffset.UTC));
        SftpRunOutput sftp = new SftpRunOutput(local.resolve("out"),
                new HrSyncProperties.Sftp("127.0.0.1", server.getPort(), "hr", "s3cret", "inbox"));

        files.write(RUN, oneBatch());
        sftp.write(RUN, oneBatch());

        RunFiles names = RunFiles.of(RUN);
        for (String name : List.of(names.jsonLines(), names.csv(), names.manifest())) {
            Path copied = remoteRoot.resolve("inbox").resolve(name);
            assertThat(copied).exists();
            assertThat(Files.readAllBytes(copied)).isEqualTo(Files.readAllBytes(local.resolve("out").resolve(name)));
        }
        try (var left = Files.list(remoteRoot.resolve("inbox"))) {
            assertThat(left).hasSize(3);
        }
    }

    @Test
    void wrongPasswordIsAReportedFailure() throws Exception {
        FileRunOutput files = new FileRunOutput(local.resolve("out"), new ObjectMapper(), Clock.systemUTC());
        files.write(RUN, oneBatch());
        SftpRunOutput sftp = new SftpRunOutput(local.resolve("out"),
                new HrSyncProperties.Sftp("127.0.0.1", server.getPort(), "hr", "wrong", "inbox"));

        assertThatThrownBy(() -> sftp.write(RUN, oneBatch()))
                .isInstanceOf(OutputUnavailableException.class)
                .hasMessageContaining("SFTP copy to 127.0.0.1");
    }
}
