package dev.waypoint.app.config;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations of every module share one version sequence, and an installed database only moves forward
 * along it: Flyway refuses to start on a database that is past a version it has not applied. A migration
 * numbered inside an earlier range migrates a fresh database (and so every other test) without complaint and
 * breaks every upgrade; this is the test that sees it.
 */
class MigrationNumberingTest {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

    @Test
    void everyMigrationNotYetReleasedIsNumberedAboveEveryReleasedOne() throws IOException {
        List<Integer> released = released();
        int highestReleased = released.stream().mapToInt(Integer::intValue).max().orElseThrow();

        assertThat(versionsOnTheClasspath())
                .filteredOn(version -> !released.contains(version))
                .allSatisfy(version -> assertThat(version).as("V%d: an upgraded database is already at V%d", version, highestReleased)
                        .isGreaterThan(highestReleased));
    }

    @Test
    void noReleasedMigrationIsGoneAndNoVersionIsUsedTwice() throws IOException {
        List<Integer> present = versionsOnTheClasspath();

        assertThat(present).containsAll(released());
        assertThat(present).doesNotHaveDuplicates();
    }

    private static List<Integer> versionsOnTheClasspath() throws IOException {
        List<Integer> versions = new ArrayList<>();
        for (Resource script : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql")) {
            Matcher name = VERSIONED.matcher(script.getFilename());
            if (name.matches()) {
                versions.add(Integer.parseInt(name.group(1)));
            }
        }
        assertThat(versions).as("migrations found on the classpath").hasSizeGreaterThan(10);
        return versions;
    }

    private static List<Integer> released() throws IOException {
        try (InputStream list = MigrationNumberingTest.class.getResourceAsStream("/released-migrations.txt")) {
            return new String(list.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(Integer::valueOf)
                    .toList();
        }
    }
}
