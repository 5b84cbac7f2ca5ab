package dev.waypoint.core.taxonomy;

import static dev.waypoint.core.taxonomy.TaxonomyText.BASE;
import static dev.waypoint.core.taxonomy.TaxonomyText.FILE;
import static dev.waypoint.core.taxonomy.TaxonomyText.lineOf;
import static dev.waypoint.core.taxonomy.TaxonomyText.load;
import static dev.waypoint.core.taxonomy.TaxonomyText.loadOk;
import static dev.waypoint.core.taxonomy.TaxonomyText.onlyProblem;
import static dev.waypoint.core.taxonomy.TaxonomyText.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Whole files: broken YAML, hostile YAML, several problems at once, and reading from a stream. */
class TaxonomyDocumentProblemsTest {

    @Test
    void reportsMalformedYamlAtTheParsersLineAndColumn() {
        String yaml = """
                version: 1
                skills:
                  - id: sql
                    name: "SQL
                    family: data
                career_tracks: []
                """;

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.file()).isEqualTo(FILE);
        assertThat(problem.line()).as("the parser notices at the end of the file").isEqualTo(7);
        assertThat(problem.column()).isEqualTo(1);
        assertThat(problem.message()).isEqualTo("this is not valid YAML: while scanning a quoted scalar"
                + " (which began at line 4), found unexpected end of stream");
    }

    @Test
    void reportsBadIndentationAtItsLine() {
        String yaml = """
                version: 1
                skills:
                  - id: sql
                    name: SQL
                   family: data
                """;

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.column()).isEqualTo(4);
        assertThat(problem.message()).startsWith("this is not valid YAML: ");
    }

    @Test
    void reportsASecondDocumentInTheFile() {
        TaxonomyProblem problem = onlyProblem("version: 1\n---\nversion: 2\n");

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("expected a single document");
    }

    @Test
    void refusesTagsThatWouldCreateJavaObjects() {
        String yaml = "version: 1\nskills: [{id: sql, name: !!java.io.File /tmp, family: data}]\n";

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).startsWith("this is not valid YAML").contains("Global tag is not allowed");
    }

    @Test
    void reportsAnEmptyFile() {
        TaxonomyProblem problem = onlyProblem("# nothing yet\n");

        assertThat(problem.message()).startsWith("the file is empty");
    }

    @Test
    void reportsAFileThatIsNotAMapOfSections() {
        TaxonomyProblem problem = onlyProblem("- version: 1\n");

        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.message()).startsWith("a taxonomy file is a map of sections");
    }

    @Test
    void reportsAMissingVersion() {
        TaxonomyProblem problem = onlyProblem(BASE.replace("version: test-1\n", ""));

        assertThat(problem.path()).isEqualTo("version");
        assertThat(problem.message()).isEqualTo("'version' is missing");
    }

    @Test
    void keepsTheVersionAsWritten() {
        assertThat(loadOk("version: 2025.10\n").version()).isEqualTo("2025.10");
    }

    @Test
    void reportsARepeatedKeyInOneEntry() {
        String yaml = """
                version: 1
                skills:
                  - id: sql
                    name: SQL
                    family: data
                    name: Structured Query Language
                """;

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.message()).isEqualTo("'name' appears twice in the same entry (first at line 4)");
    }

    @Test
    @Timeout(10)
    void refusesABillionLaughsInsteadOfExpandingIt() {
        StringBuilder yaml = new StringBuilder("version: 1\nx-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("x-a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }

        TaxonomyProblem problem = onlyProblem(yaml.toString());

        assertThat(problem.message()).startsWith("the file cannot be read").contains("aliases");
    }

    @Test
    void refusesNestingDeeperThanAnyTaxonomyNeeds() {
        String yaml = "version: 1\nx-deep: " + "[".repeat(200) + "]".repeat(200) + "\n";

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.message()).contains("Nesting Depth");
    }

    @Test
    void mergesSharedBlocksWrittenWithMergeKeys() {
        String yaml = BASE + """
                x-defaults: &course
                  type: course
                  hours: 8
                learning_assets:
                  - id: sql-course
                    <<: *course
                    name: SQL course
                    teaches: [{skill: sql, level: 2}]
                """;

        LearningAsset asset = loadOk(yaml).assets().get("sql-course");

        assertThat(asset.type()).isEqualTo(LearningAsset.AssetType.COURSE);
        assertThat(asset.hours()).isEqualTo(8.0);
    }

    @Test
    void reportsEveryProblemOfAFileAtOnceInFileOrder() {
        String yaml = """
                version: 1
                skills:
                  - {id: sql, name: SQL, family: data, half_life_days: 0}
                  - {id: sql, name: SQL again, family: data}
                career_tracks:
                  - id: analytics
                    name: Analytics
                    levels:
                      - id: analyst
                        requires:
                          - {skill: sqll, level: 7, weigth: 2}
                learning_assets:
                  - {id: a, name: A, type: course, hours: -1, teaches: [{skill: sql, level: 1}], prerequisites: [b]}
                  - {id: b, name: B, type: course, hours: 1, teaches: [{skill: sql, level: 1}], prerequisites: [a]}
                evidence_rules:
                  - {id: r, kind: badge, object: "moodle:badge:1", min_score: 2, grants: [{skill: sql, level: 1}]}
                """;

        List<TaxonomyProblem> problems = problems(yaml);

        assertThat(problems).extracting(TaxonomyProblem::line, TaxonomyProblem::path).containsExactly(
                tuple(3, "skills[sql].half_life_days"),
                tuple(4, "skills[sql].id"),
                tuple(11, "career_tracks[analytics].levels[0].requires[0].skill"),
                tuple(11, "career_tracks[analytics].levels[0].requires[0].level"),
                tuple(11, "career_tracks[analytics].levels[0].requires[0].weigth"),
                tuple(13, "learning_assets[a].hours"),
                tuple(13, "learning_assets[a].prerequisites"),
                tuple(16, "evidence_rules[r].min_score"));
        assertThat(problems).allSatisfy(problem -> assertThat(problem.file()).isEqualTo(FILE));
    }

    @Test
    void loadsNothingWhenAnythingIsWrong() {
        String yaml = BASE + """
                learning_assets:
                  - {id: fine, name: Fine, type: course, hours: 1, teaches: [{skill: sql, level: 1}]}
                  - {id: broken, name: Broken, type: course, hours: 1, teaches: [{skill: nope, level: 1}]}
                """;

        TaxonomyLoadResult result = load(yaml);

        assertThat(result.ok()).isFalse();
        assertThat(result.asOptional()).isEmpty();
        assertThat(result.problems()).hasSize(1);
    }

    @Test
    void readsUtf8FromAStreamAndSkipsTheByteOrderMark() throws Exception {
        byte[] bytes = ("\uFEFF" + BASE.replace("name: Communication", "name: Kommunikation über Grenzen"))
                .getBytes(StandardCharsets.UTF_8);

        TaxonomyLoadResult result = new TaxonomyYamlLoader().load(FILE, new ByteArrayInputStream(bytes));

        assertThat(result.problems()).isEmpty();
        assertThat(result.taxonomy().skills().get("communication").name()).isEqualTo("Kommunikation über Grenzen");
    }

    @Test
    void reportsAStreamThatIsNotUtf8() throws Exception {
        byte[] bytes = BASE.replace("name: SQL", "name: SQL \u00e9t\u00e9").getBytes(StandardCharsets.ISO_8859_1);

        TaxonomyLoadResult result = new TaxonomyYamlLoader().load(FILE, new ByteArrayInputStream(bytes));

        assertThat(result.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("not UTF-8"));
    }

    @Test
    void refusesAStreamLargerThanAnyTaxonomyWithoutReadingItAll() throws Exception {
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return ' ';
            }
        };

        TaxonomyLoadResult result = new TaxonomyYamlLoader().load(FILE, endless);

        assertThat(result.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("the file is larger than 8 MB"));
        assertThat(served[0]).isEqualTo(TaxonomyYamlLoader.MAX_BYTES + 1L);
    }

    @Test
    void reportsANumberTooLargeToUse() {
        String yaml = BASE + """
                learning_assets:
                  - {id: c, name: C, type: course, hours: 1e999, teaches: [{skill: sql, level: 1}]}
                """;

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.path()).isEqualTo("learning_assets[c].hours");
        assertThat(problem.message()).isEqualTo("expected a number of reasonable size, found 1e999");
    }

    @Test
    void namesTheLineOfAProblemAfterALongFile() {
        StringBuilder yaml = new StringBuilder("version: 1\nskills:\n");
        for (int i = 0; i < 500; i++) {
            yaml.append("  - {id: s").append(i).append(", name: Skill ").append(i).append(", family: f}\n");
        }
        yaml.append("  - {id: s7, name: Again, family: f}\n");

        TaxonomyProblem problem = onlyProblem(yaml.toString());

        assertThat(problem.line()).isEqualTo(lineOf(yaml.toString(), "name: Again"));
        assertThat(problem.line()).isEqualTo(503);
    }
}
