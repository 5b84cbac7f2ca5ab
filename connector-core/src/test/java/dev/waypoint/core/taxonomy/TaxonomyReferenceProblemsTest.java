package dev.waypoint.core.taxonomy;

import static dev.waypoint.core.taxonomy.TaxonomyText.BASE;
import static dev.waypoint.core.taxonomy.TaxonomyText.FILE;
import static dev.waypoint.core.taxonomy.TaxonomyText.columnOf;
import static dev.waypoint.core.taxonomy.TaxonomyText.lineOf;
import static dev.waypoint.core.taxonomy.TaxonomyText.onlyProblem;
import static dev.waypoint.core.taxonomy.TaxonomyText.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

/** Ids that are unknown, defined twice, or that go round in circles. */
class TaxonomyReferenceProblemsTest {

    @Test
    void reportsUnknownSkillWithItsLineAndASuggestion() {
        String yaml = """
                version: 1
                skills:
                  - {id: sql, name: SQL, family: data}
                career_tracks:
                  - id: analytics
                    name: Analytics
                    levels:
                      - id: analyst
                        requires:
                          - {skill: sqll, level: 2}
                """;

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.file()).isEqualTo(FILE);
        assertThat(problem.line()).isEqualTo(10);
        assertThat(problem.column()).isEqualTo(columnOf(yaml, "sqll"));
        assertThat(problem.path()).isEqualTo("career_tracks[analytics].levels[0].requires[0].skill");
        assertThat(problem.message()).isEqualTo("unknown skill 'sqll' (did you mean 'sql'?)");
    }

    @Test
    void reportsUnknownSkillEverywhereASkillIsReferenced() {
        String yaml = BASE + """
                competency_frameworks:
                  - id: fw
                    name: Framework
                    role: analytics.analyst
                    competencies:
                      - id: c1
                        name: Querying
                        requires: [{skill: framework-skill, level: 2}]
                learning_assets:
                  - id: course
                    name: Course
                    type: course
                    hours: 4
                    teaches: [{skill: asset-skill, level: 2}]
                evidence_rules:
                  - id: rule
                    kind: badge
                    object: "moodle:badge:1"
                    grants: [{skill: rule-skill, level: 2}]
                blueprints:
                  - id: bp
                    name: Blueprint
                    from: analytics.analyst
                    to: analytics.senior-analyst
                    milestones:
                      - {id: m1, name: Project, evidence: applied_project, skills: [milestone-skill], due_days: 30}
                """;

        List<TaxonomyProblem> problems = problems(yaml);

        assertThat(problems).extracting(TaxonomyProblem::line, TaxonomyProblem::message).containsExactly(
                tuple(lineOf(yaml, "framework-skill"), "unknown skill 'framework-skill'"),
                tuple(lineOf(yaml, "asset-skill"), "unknown skill 'asset-skill'"),
                tuple(lineOf(yaml, "rule-skill"), "unknown skill 'rule-skill'"),
                tuple(lineOf(yaml, "milestone-skill"), "unknown skill 'milestone-skill'"));
    }

    @Test
    void reportsUnknownAssetInPrerequisitesAndMilestones() {
        String yaml = BASE + """
                learning_assets:
                  - id: sql-basics
                    name: SQL basics
                    type: course
                    hours: 4
                    teaches: [{skill: sql, level: 1}]
                    prerequisites: [sql-intro]
                blueprints:
                  - id: bp
                    name: Blueprint
                    from: analytics.analyst
                    to: analytics.senior-analyst
                    milestones:
                      - id: m1
                        name: Learn
                        evidence: course_completion
                        skills: [sql]
                        assets: [sql-basic]
                        due_days: 30
                """;

        List<TaxonomyProblem> problems = problems(yaml);

        assertThat(problems).extracting(TaxonomyProblem::line, TaxonomyProblem::path, TaxonomyProblem::message)
                .containsExactly(
                        tuple(lineOf(yaml, "[sql-intro]"), "learning_assets[sql-basics].prerequisites[0]",
                                "unknown learning asset 'sql-intro'"),
                        tuple(lineOf(yaml, "[sql-basic]"), "blueprints[bp].milestones[0].assets[0]",
                                "unknown learning asset 'sql-basic' (did you mean 'sql-basics'?)"));
    }

    @Test
    void reportsUnknownRoleOfBlueprintsAndFrameworks() {
        String yaml = BASE + """
                competency_frameworks:
                  - id: fw
                    name: Senior analyst
                    role: analytics.senior-analist
                    competencies:
                      - {id: c1, name: Querying, requires: [{skill: sql, level: 3}]}
                blueprints:
                  - id: bp
                    name: Blueprint
                    from: analyst
                    to: analitics.senior-analyst
                    milestones:
                      - {id: m1, name: Project, evidence: applied_project, skills: [sql], due_days: 30}
                """;

        List<TaxonomyProblem> problems = problems(yaml);

        assertThat(problems).extracting(TaxonomyProblem::line, TaxonomyProblem::message).containsExactly(
                tuple(lineOf(yaml, "senior-analist"), "unknown role 'analytics.senior-analist': track 'analytics'"
                        + " has no level 'senior-analist' (did you mean 'analytics.senior-analyst'?)"),
                tuple(lineOf(yaml, "from: analyst"), "unknown role 'analyst': roles are written <track>.<level>"
                        + " (did you mean 'analytics.analyst'?)"),
                tuple(lineOf(yaml, "analitics"), "unknown career track 'analitics' in role"
                        + " 'analitics.senior-analyst' (did you mean 'analytics'?)"));
    }

    @Test
    void reportsLateralMoveToATrackThatDoesNotExist() {
        String yaml = """
                version: 1
                career_tracks:
                  - id: engineering
                    name: Engineering
                    levels: [ic1, ic2, ic3]
                    lateral_moves:
                      - {from: ic3, to: prodcut.pm}
                  - id: product
                    name: Product
                    levels: [pm]
                """;

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.path()).isEqualTo("career_tracks[engineering].lateral_moves[0].to");
        assertThat(problem.message())
                .isEqualTo("unknown career track 'prodcut' in role 'prodcut.pm' (did you mean 'product'?)");
    }

    @Test
    void reportsLateralMoveToARoleThatDoesNotExist() {
        String yaml = """
                version: 1
                career_tracks:
                  - id: engineering
                    name: Engineering
                    levels: [ic1, ic2, ic3]
                    lateral_moves:
                      - {from: ic3, to: product.senior-pm}
                      - {from: ic4, to: product.pm}
                  - id: product
                    name: Product
                    levels: [pm]
                """;

        List<TaxonomyProblem> problems = problems(yaml);

        assertThat(problems).extracting(TaxonomyProblem::line, TaxonomyProblem::message).containsExactly(
                tuple(lineOf(yaml, "product.senior-pm"),
                        "unknown role 'product.senior-pm': track 'product' has no level 'senior-pm'"),
                tuple(lineOf(yaml, "from: ic4"), "unknown role 'engineering.ic4': track 'engineering' has no"
                        + " level 'ic4' (did you mean 'engineering.ic1'?)"));
    }

    @Test
    void reportsLateralMoveThatStaysOnItsLadderOrStartsElsewhere() {
        String yaml = """
                version: 1
                career_tracks:
                  - id: engineering
                    name: Engineering
                    levels: [ic1, ic2]
                    lateral_moves:
                      - {from: ic1, to: engineering.ic2}
                      - {from: product.pm, to: engineering.ic2}
                  - id: product
                    name: Product
                    levels: [pm]
                """;

        List<TaxonomyProblem> problems = problems(yaml);

        assertThat(problems).extracting(TaxonomyProblem::line).containsExactly(7, 8);
        assertThat(problems.get(0).message()).contains("leads to another track");
        assertThat(problems.get(1).message()).contains("must start from one of its roles");
    }

    static Stream<Arguments> sectionsWithARepeatedId() {
        String skill = "version: 1\nskills: [{id: sql, name: SQL, family: data}]\n";
        String tracks = "career_tracks:\n  - {id: product, name: Product, levels: [pm]}\n"
                + "  - {id: analytics, name: Analytics, levels: [analyst]}\n";
        String milestones = "milestones: [{id: m, name: M, evidence: applied_project, skills: [sql], due_days: 1}]";
        return Stream.of(
                Arguments.of("skill", """
                        version: 1
                        skills:
                          - {id: sql, name: SQL, family: data}          # first
                          - {id: sql, name: SQL again, family: data}    # second
                        """),
                Arguments.of("career track", """
                        version: 1
                        career_tracks:
                          - {id: sql, name: Data, levels: [a]}          # first
                          - {id: sql, name: Data again, levels: [b]}    # second
                        """),
                Arguments.of("learning asset", skill + """
                        learning_assets:
                          - {id: sql, name: A, type: course, hours: 1, teaches: [{skill: sql, level: 1}]}  # first
                          - {id: sql, name: B, type: course, hours: 1, teaches: [{skill: sql, level: 1}]}  # second
                        """),
                Arguments.of("evidence rule", skill + """
                        evidence_rules:
                          - {id: sql, kind: badge, object: '*', grants: [{skill: sql, level: 1}]}  # first
                          - {id: sql, kind: badge, object: '*', grants: [{skill: sql, level: 2}]}  # second
                        """),
                Arguments.of("blueprint", skill + tracks + """
                        blueprints:
                          - {id: sql, name: A, from: product.pm, to: analytics.analyst, MILESTONES}  # first
                          - {id: sql, name: B, from: product.pm, to: analytics.analyst, MILESTONES}  # second
                        """.replace("MILESTONES", milestones)),
                Arguments.of("competency framework", skill + tracks + """
                        competency_frameworks:
                          - {id: sql, name: A, role: product.pm, competencies: [{id: c, name: C, requires: [{skill: sql, level: 1}]}]}  # first
                          - {id: sql, name: B, role: product.pm, competencies: [{id: c, name: C, requires: [{skill: sql, level: 1}]}]}  # second
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sectionsWithARepeatedId")
    void reportsDuplicateIdAtTheSecondDefinition(String kind, String yaml) {
        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "# second"));
        assertThat(problem.message()).isEqualTo("duplicate " + kind + " id 'sql' (first defined at line "
                + lineOf(yaml, "# first") + ")");
    }

    @Test
    void reportsLevelRepeatedInATrack() {
        String yaml = """
                version: 1
                career_tracks:
                  - id: engineering
                    name: Engineering
                    levels: [ic1, ic2, ic1]
                """;

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.column()).isEqualTo(columnOf(yaml, "ic1]"));
        assertThat(problem.message()).isEqualTo("level 'ic1' appears twice in track 'engineering' (first at line 5)");
    }

    @Test
    void reportsMilestoneRepeatedInABlueprint() {
        String yaml = BASE + """
                blueprints:
                  - id: bp
                    name: Blueprint
                    from: analytics.analyst
                    to: analytics.senior-analyst
                    milestones:
                      - {id: learn, name: Learn, evidence: course_completion, skills: [sql], due_days: 30}
                      - {id: learn, name: Project, evidence: applied_project, skills: [sql], due_days: 60}
                """;

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "name: Project"));
        assertThat(problem.path()).isEqualTo("blueprints[bp].milestones[1].id");
        assertThat(problem.message()).isEqualTo("duplicate milestone id 'learn' in this blueprint (first at line "
                + lineOf(yaml, "name: Learn") + ")");
    }

    @Test
    void rejectsAPrerequisiteCycleAndNamesIt() {
        String yaml = BASE + """
                learning_assets:
                  - id: a
                    name: A
                    type: course
                    hours: 1
                    teaches: [{skill: sql, level: 1}]
                    prerequisites: [c]
                  - id: b
                    name: B
                    type: course
                    hours: 1
                    teaches: [{skill: sql, level: 2}]
                    prerequisites: [a]
                  - id: c
                    name: C
                    type: course
                    hours: 1
                    teaches: [{skill: sql, level: 3}]
                    prerequisites: [b]
                  - id: d
                    name: D, outside the cycle but after it
                    type: course
                    hours: 1
                    teaches: [{skill: sql, level: 4}]
                    prerequisites: [c, a]
                """;

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "prerequisites: [c]"));
        assertThat(problem.path()).isEqualTo("learning_assets[a].prerequisites");
        assertThat(problem.message()).startsWith("prerequisite cycle among learning assets: a → c → b → a");
    }

    @Test
    void rejectsAnAssetThatIsItsOwnPrerequisite() {
        String yaml = BASE + """
                learning_assets:
                  - id: loop
                    name: Loop
                    type: course
                    hours: 1
                    teaches: [{skill: sql, level: 1}]
                    prerequisites: [loop]
                """;

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "prerequisites: [loop]"));
        assertThat(problem.message()).startsWith("prerequisite cycle among learning assets: loop → loop");
    }

    @Test
    void reportsEachSeparateCycleOnce() {
        String yaml = BASE + """
                learning_assets:
                  - {id: a, name: A, type: course, hours: 1, teaches: [{skill: sql, level: 1}], prerequisites: [b]}
                  - {id: b, name: B, type: course, hours: 1, teaches: [{skill: sql, level: 1}], prerequisites: [a]}
                  - {id: x, name: X, type: course, hours: 1, teaches: [{skill: sql, level: 1}], prerequisites: [y]}
                  - {id: y, name: Y, type: course, hours: 1, teaches: [{skill: sql, level: 1}], prerequisites: [x]}
                  - {id: z, name: Z, type: course, hours: 1, teaches: [{skill: sql, level: 1}], prerequisites: [a, x]}
                """;

        List<TaxonomyProblem> problems = problems(yaml);

        assertThat(problems).extracting(TaxonomyProblem::line, TaxonomyProblem::message).containsExactly(
                tuple(lineOf(yaml, "id: a,"), "prerequisite cycle among learning assets: a → b → a;"
                        + " no one could ever start these assets"),
                tuple(lineOf(yaml, "id: x,"), "prerequisite cycle among learning assets: x → y → x;"
                        + " no one could ever start these assets"));
    }
}
