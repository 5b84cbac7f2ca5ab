package dev.waypoint.app.hrsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.hrsync.HrSyncBatch;
import dev.waypoint.core.hrsync.HrSyncRun;
import dev.waypoint.core.hrsync.OutputUnavailableException;
import dev.waypoint.core.hrsync.RunOutput;
import dev.waypoint.core.hrsync.RunStatus;
import dev.waypoint.core.hrsync.SyncMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FilterOutputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files in a temporary directory: complete or absent, vouched for by the manifest. */
class FileRunOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HrSyncRun RUN = new HrSyncRun("run-1", "default", SyncMode.FULL, "test", RunStatus.DELIVERING,
            "2025.1-sample", Instant.parse("2026-06-01T02:00:00Z"), null, HrSyncRun.Counts.NONE, 0, List.of(), List.of());

    @TempDir
    Path dir;

    private final FileRunOutput output(Path directory) {
        return new FileRunOutput(directory, JSON, Clock.fixed(Instant.parse("2026-06-01T02:05:00Z"), ZoneOffset.UTC));
    }

    private static final String RECORD = "{\"schemaVersion\":1,\"action\":\"%s\",\"hrEmployeeId\":\"E%d\","
            + "\"email\":\"p%d@example.com\",\"skillId\":\"sql\",\"skillName\":\"SQL, advanced\",\"level\":3,"
            + "\"verifiedAt\":\"2026-05-01T00:00:00Z\",\"evidence\":[{\"kind\":\"course_completion\",\"level\":3,"
            + "\"occurredAt\":\"2026-04-01T00:00:00Z\"},{\"kind\":\"manager_endorsement\",\"level\":3,"
            + "\"occurredAt\":\"2026-05-01T00:00:00Z\"}],\"taxonomyVersion\":\"2025.1-sample\"}";

    private static RunOutput.Batches twoBatches() {
        return consumer -> {
            consumer.accept(new HrSyncBatch("run-1", 1, "run-1-1", HrSyncBatch.State.SENT, 2, 2, 0,
                    "{\"records\":[" + RECORD.formatted("upsert", 1, 1) + "," + RECORD.formatted("upsert", 2, 2) + "]}", null));
            consumer.accept(new HrSyncBatch("run-1", 2, "run-1-2", HrSyncBatch.State.SENT, 1, 0, 1,
                    "{\"records\":[" + RECORD.formatted("remove", 3, 3) + "]}", null));
        };
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void writesJsonLinesCsvAndAManifestWithChecksums() throws Exception {
        output(dir).write(RUN, twoBatches());

        RunFiles names = RunFiles.of(RUN);
        List<String> lines = Files.readAllLines(dir.resolve(names.jsonLines()));
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines.get(2)).path("action").asText()).isEqualTo("remove");
        List<String> csv = Files.readAllLines(dir.resolve(names.csv()));
        assertThat(csv.get(0)).isEqualTo("schemaVersion,action,hrEmployeeId,email,skillId,skillName,level,verifiedAt,"
                + "evidence,taxonomyVersion");
        assertThat(csv).hasSize(4);
        assertThat(csv.get(1)).contains("\"SQL, advanced\"",
                "course_completion:3:2026-04-01T00:00:00Z;manager_endorsement:3:2026-05-01T00:00:00Z");

        JsonNode manifest = JSON.readTree(dir.resolve(names.manifest()).toFile());
        assertThat(manifest.path("records").asInt()).isEqualTo(3);
        assertThat(manifest.path("upserts").asInt()).isEqualTo(2);
        assertThat(manifest.path("removes").asInt()).isEqualTo(1);
        assertThat(manifest.path("files").get(0).path("sha256").asText()).isEqualTo(sha256(dir.resolve(names.jsonLines())));
        assertThat(manifest.path("files").get(1).path("sha256").asText()).isEqualTo(sha256(dir.resolve(names.csv())));
        assertThat(manifest.path("files").get(1).path("bytes").asLong()).isEqualTo(Files.size(dir.resolve(names.csv())));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    names.jsonLines(), names.csv(), names.manifest());
        }
    }

    @Test
    void missingDirectoryIsAClearFailure() {
        Path missing = dir.resolve("not-there");

        assertThatThrownBy(() -> output(missing).write(RUN, twoBatches()))
                .isInstanceOf(OutputUnavailableException.class)
                .hasMessageContaining("not-there").hasMessageContaining("does not exist");
    }

    @Test
    void failedWriteLeavesNoFileUnderAFinalName() throws IOException {
        RunOutput.Batches diskFull = consumer -> {
            twoBatches().forEach(consumer);
            throw new UncheckedIOException(new IOException("No space left on device"));
        };

        assertThatThrownBy(() -> output(dir).write(RUN, diskFull))
                .isInstanceOf(OutputUnavailableException.class)
                .hasMessageContaining("No space left on device");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void diskFillingUpMidFileLeavesNoFileAndNamesTheCause() throws IOException {
        FileRunOutput onFullDisk = new FileRunOutput(dir, JSON, Clock.systemUTC(), filling(700));

        assertThatThrownBy(() -> onFullDisk.write(RUN, twoBatches()))
                .isInstanceOf(OutputUnavailableException.class)
                .hasMessageContaining("No space left on device");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file and no final name left behind").isEmpty();
        }
    }

    @Test
    void diskFullWhenTheManifestIsWrittenPublishesNeitherDataFile() throws Exception {
        int[] opened = {0};
        FileRunOutput.Opener manifestFails = file -> {
            if (++opened[0] == 3) {
                throw new IOException("No space left on device");
            }
            return Files.newOutputStream(file);
        };

        assertThatThrownBy(() -> new FileRunOutput(dir, JSON, Clock.systemUTC(), manifestFails).write(RUN, twoBatches()))
                .isInstanceOf(OutputUnavailableException.class);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        // the same run written again once there is room: complete, as if nothing had happened
        output(dir).write(RUN, twoBatches());
        assertThat(Files.readAllLines(dir.resolve(RunFiles.of(RUN).jsonLines()))).hasSize(3);
    }

    /** Files on a disk with {@code room} bytes left in all: the write past it fails as a full disk does. */
    private static FileRunOutput.Opener filling(long room) {
        long[] written = {0};
        return file -> new FilterOutputStream(Files.newOutputStream(file)) {
            @Override
            public void write(int b) throws IOException {
                if (++written[0] > room) {
                    throw new IOException("No space left on device");
                }
                out.write(b);
            }
        };
    }

    @Test
    void writingARunAgainReplacesItsFilesWhole() throws Exception {
        output(dir).write(RUN, twoBatches());
        output(dir).write(RUN, twoBatches());

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(3);
        }
        assertThat(Files.readAllLines(dir.resolve(RunFiles.of(RUN).jsonLines()))).hasSize(3);
    }
}
