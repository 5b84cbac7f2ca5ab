package dev.waypoint.app.hrsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.waypoint.core.hrsync.HrSyncRun;
import dev.waypoint.core.hrsync.OutputUnavailableException;
import dev.waypoint.core.hrsync.RunOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run as JSON Lines and CSV into a directory, then a manifest with the counts and the SHA-256
 * of each file. Every file is written under a temporary name and renamed into place atomically, the
 * manifest last, so a reader that sees the manifest sees complete files; a failed or repeated write
 * leaves no partial file under a final name.
 */
final class FileRunOutput implements RunOutput {

    private final Path directory;
    private final ObjectMapper json;
    private final Clock clock;
    private final Opener files;
    private final CsvMapper csv = new CsvMapper();

    /** Opens a file for writing; a seam so that a full disk can be shown (root writes past chmod). */
    @FunctionalInterface
    interface Opener {
        OutputStream open(Path file) throws IOException;
    }

    FileRunOutput(Path directory, ObjectMapper json, Clock clock) {
        this(directory, json, clock, Files::newOutputStream);
    }

    FileRunOutput(Path directory, ObjectMapper json, Clock clock, Opener files) {
        this.directory = directory;
        this.json = json;
        this.clock = clock;
        this.files = files;
    }

    @Override
    public String name() {
        return "files";
    }

    Path directory() {
        return directory;
    }

    @Override
    public void write(HrSyncRun run, Batches batches) throws OutputUnavailableException {
        if (!Files.isDirectory(directory)) {
            throw new OutputUnavailableException("output directory " + directory + " does not exist");
        }
        if (!Files.isWritable(directory)) {
            throw new OutputUnavailableException("output directory " + directory + " is not writable");
        }
        RunFiles names = RunFiles.of(run);
        Path jsonTemp = null;
        Path csvTemp = null;
        Path manifestTemp = null;
        try {
            jsonTemp = Files.createTempFile(directory, ".hr-sync-", ".tmp");
            csvTemp = Files.createTempFile(directory, ".hr-sync-", ".tmp");
            Counts counts = new Counts();
            String jsonSha;
            String csvSha;
            CsvSchema schema = csv.schemaFor(CsvRecord.class).withHeader();
            try (DigestOutputStream jsonOut = digesting(jsonTemp);
                 DigestOutputStream csvOut = digesting(csvTemp);
                 BufferedWriter lines = new BufferedWriter(new java.io.OutputStreamWriter(jsonOut, StandardCharsets.UTF_8));
                 SequenceWriter rows = csv.writer(schema).writeValues(csvOut)) {
                batches.forEach(batch -> {
                    try {
                        for (JsonNode record : json.readTree(batch.body()).path("records")) {
                            lines.write(json.writeValueAsString(record));
                            lines.write('\n');
                            rows.write(CsvRecord.of(record));
                            counts.add(record.path("action").asText());
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                lines.flush();
                rows.flush();
                jsonSha = HexFormat.of().formatHex(jsonOut.getMessageDigest().digest());
                csvSha = HexFormat.of().formatHex(csvOut.getMessageDigest().digest());
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("schemaVersion", 1);
            manifest.put("tenantId", run.tenantId());
            manifest.put("runId", run.id());
            manifest.put("mode", run.mode().wireName());
            manifest.put("taxonomyVersion", run.taxonomyVersion());
            manifest.put("writtenAt", clock.instant().toString());
            manifest.put("records", counts.records);
            manifest.put("upserts", counts.upserts);
            manifest.put("removes", counts.removes);
            manifest.put("files", List.of(
                    Map.of("name", names.jsonLines(), "format", "jsonl", "records", counts.records,
                            "bytes", Files.size(jsonTemp), "sha256", jsonSha),
                    Map.of("name", names.csv(), "format", "csv", "records", counts.records,
                            "bytes", Files.size(csvTemp), "sha256", csvSha)));
            manifestTemp = Files.createTempFile(directory, ".hr-sync-", ".tmp");
            try (OutputStream out = files.open(manifestTemp)) {
                out.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            }
            move(jsonTemp, names.jsonLines());
            move(csvTemp, names.csv());
            move(manifestTemp, names.manifest());
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(jsonTemp, csvTemp, manifestTemp);
            throw new OutputUnavailableException("writing the files to " + directory + " failed: " + e, e);
        } catch (RuntimeException e) {
            deleteQuietly(jsonTemp, csvTemp, manifestTemp);
            throw e;
        }
    }

    private void move(Path temp, String name) throws IOException {
        Files.move(temp, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private DigestOutputStream digesting(Path file) throws IOException {
        OutputStream out = files.open(file);
        try {
            return new DigestOutputStream(new java.io.BufferedOutputStream(out, 64 * 1024), MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            out.close();
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void deleteQuietly(Path... files) {
        for (Path f : files) {
            if (f != null) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // the failure being reported matters more than a stray temporary file
                }
            }
        }
    }

    private static final class Counts {
        int records;
        int upserts;
        int removes;

        void add(String action) {
            records++;
            if ("remove".equals(action)) {
                removes++;
            } else {
                upserts++;
            }
        }
    }
}
