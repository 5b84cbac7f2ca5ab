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
