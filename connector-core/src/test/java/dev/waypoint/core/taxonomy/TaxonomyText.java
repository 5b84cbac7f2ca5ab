package dev.waypoint.core.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

/** Loads taxonomy text in tests and finds lines in it, so tests name lines by their content. */
final class TaxonomyText {

    static final String FILE = "taxonomy.yaml";

    /** Two tracks and three skills: enough for other sections to refer to. */
    static final String BASE = """
            version: test-1
            skills:
              - {id: sql, name: SQL, family: data}
              - {id: dataviz, name: Data visualization, family: data}
              - {id: communication, name: Communication, cross_functional: true}
            career_tracks:
              - id: analytics
                name: Analytics
                levels: [analyst, senior-analyst]
              - id: product
                name: Product
                levels: [associate-pm, pm]
            """;

    private TaxonomyText() {
    }

    static TaxonomyLoadResult load(String yaml) {
        return new TaxonomyYamlLoader().load(FILE, yaml);
    }

    static Taxonomy loadOk(String yaml) {
        TaxonomyLoadResult result = load(yaml);
        assertThat(result.problems()).as("problems").isEmpty();
        return result.taxonomy();
    }

    static List<TaxonomyProblem> problems(String yaml) {
        TaxonomyLoadResult result = load(yaml);
        assertThat(result.ok()).as("loaded although it should not").isFalse();
        assertThat(result.taxonomy()).isNull();
        return result.problems();
    }

    static TaxonomyProblem onlyProblem(String yaml) {
        List<TaxonomyProblem> problems = problems(yaml);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    /** The 1-based line holding {@code snippet}; the snippet must appear on exactly one line. */
    static int lineOf(String yaml, String snippet) {
        String[] lines = yaml.split("\n", -1);
        List<Integer> hits = IntStream.range(0, lines.length).filter(i -> lines[i].contains(snippet))
                .mapToObj(i -> i + 1).toList();
        assertThat(hits).as("lines holding '%s'", snippet).hasSize(1);
        return hits.get(0);
    }

    /** The 1-based column where {@code snippet} starts on its line. */
    static int columnOf(String yaml, String snippet) {
        String line = yaml.split("\n", -1)[lineOf(yaml, snippet) - 1];
        return line.indexOf(snippet) + 1;
    }
}
