package dev.waypoint.moodle;

import dev.waypoint.core.taxonomy.Taxonomy;
import dev.waypoint.core.taxonomy.TaxonomyLoadResult;
import dev.waypoint.core.taxonomy.TaxonomyYamlLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's sample taxonomy, whose assets are the recorded Moodle site's courses and badges. */
final class SampleTaxonomy {

    private static Taxonomy loaded;

    private SampleTaxonomy() {
    }

    /** The sample with one text replaced (and so a new version), e.g. an asset pointed at another course. */
    static Taxonomy edited(String version, String from, String to) {
        try {
            String text = Files.readString(Path.of("..", "samples", "taxonomy", "waypoint-sample.yaml"))
                    .replace("version: 2025.1-sample", "version: " + version).replace(from, to);
            TaxonomyLoadResult result = new TaxonomyYamlLoader().load("edited.yaml", text);
            if (!result.ok()) {
                throw new IllegalStateException(result.problems().toString());
            }
            return result.taxonomy();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized Taxonomy get() {
        if (loaded == null) {
            Path file = Path.of("..", "samples", "taxonomy", "waypoint-sample.yaml");
            try (InputStream in = Files.newInputStream(file)) {
                TaxonomyLoadResult result = new TaxonomyYamlLoader().load(file.toString(), in);
                if (!result.ok()) {
                    throw new IllegalStateException(result.problems().toString());
                }
                loaded = result.taxonomy();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return loaded;
    }
}
