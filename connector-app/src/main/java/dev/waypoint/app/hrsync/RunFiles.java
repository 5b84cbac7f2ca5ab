package dev.waypoint.app.hrsync;

import dev.waypoint.core.hrsync.HrSyncRun;

import java.nio.file.Path;
import java.util.List;

/** The names of the files one run writes: JSON Lines, CSV and the manifest that vouches for both. */
record RunFiles(String jsonLines, String csv, String manifest) {

    static RunFiles of(HrSyncRun run) {
        String base = "waypoint-hr-skills-" + run.tenantId() + "-" + run.id();
        return new RunFiles(base + ".jsonl", base + ".csv", base + ".manifest.json");
    }

    List<Path> in(Path directory) {
        return List.of(directory.resolve(jsonLines), directory.resolve(csv), directory.resolve(manifest));
    }
}
