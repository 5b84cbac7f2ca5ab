package dev.waypoint.app.support;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The sample taxonomy the server loads at start, as YAML, and variants of it that tests upload. */
public final class SampleTaxonomy {

    private SampleTaxonomy() {
    }

    public static String yaml() {
        try {
            return new ClassPathResource("samples/taxonomy/waypoint-sample.yaml").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample under a new version, with one more course that teaches {@code skill} at {@code level}. */
    public static String withCourse(String version, String id, String name, String lmsRef, String skill, int level,
                                    int hours) {
        return yaml().replaceFirst("(?m)^version: .*$", "version: " + version)
                .replaceFirst("(?m)^learning_assets:\\s*$", """
                        learning_assets:
                          - id: %s
                            name: %s
                            type: course
                            lms_refs: ["%s"]
                            teaches: [{skill: %s, level: %d}]
                            hours: %d
                        """.formatted(id, name, lmsRef, skill, level, hours).stripTrailing());
    }
}
