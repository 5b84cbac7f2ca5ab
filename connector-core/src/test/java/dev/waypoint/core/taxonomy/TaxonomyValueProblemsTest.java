package dev.waypoint.core.taxonomy;

import static dev.waypoint.core.taxonomy.TaxonomyText.BASE;
import static dev.waypoint.core.taxonomy.TaxonomyText.columnOf;
import static dev.waypoint.core.taxonomy.TaxonomyText.lineOf;
import static dev.waypoint.core.taxonomy.TaxonomyText.loadOk;
import static dev.waypoint.core.taxonomy.TaxonomyText.onlyProblem;
import static dev.waypoint.core.taxonomy.TaxonomyText.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import java.util.List;

/** Values that are missing, of the wrong type, out of range, or under a key Waypoint does not know. */
class TaxonomyValueProblemsTest {

    private static String withAsset(String assetLines) {
        return BASE + "learning_assets:\n  - id: course\n" + assetLines.indent(4);
    }

    @Test
    void reportsLevelOutsideOneToFive() {
        String yaml = """
                version: 1
                skills:
                  - id: sql
                    name: SQL
                    family: data
                    levels:
                      0: Has heard of it
                      1: Writes simple queries
                career_tracks:
                  - id: analytics
                    name: Analytics
                    levels:
                      - id: analyst
                        requires:
                          - {skill: sql, level: 6}
                """;

        List<TaxonomyProblem> problems = problems(yaml);

        assertThat(problems).extracting(TaxonomyProblem::line, TaxonomyProblem::path, TaxonomyProblem::message)
                .containsExactly(
                        tuple(lineOf(yaml, "0: Has"), "skills[sql].levels", "level must be from 1 to 5, found 0"),
                        tuple(lineOf(yaml, "level: 6"), "career_tracks[analytics].levels[0].requires[0].level",
                                "level must be from 1 to 5, found 6"));
    }

    @Test
    void reportsNegativeHours() {
        String yaml = withAsset("""
                name: SQL course
                type: course
                hours: -3
                teaches: [{skill: sql, level: 2}]
                """);

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "hours: -3"));
        assertThat(problem.column()).isEqualTo(columnOf(yaml, "-3"));
        assertThat(problem.path()).isEqualTo("learning_assets[course].hours");
        assertThat(problem.message()).isEqualTo("hours cannot be negative, found -3");
    }

    @Test
    void reportsWeightOfZeroOrLess() {
        String yaml = """
                version: 1
                skills: [{id: sql, name: SQL, family: data}, {id: viz, name: Viz, family: data}]
                career_tracks:
                  - id: analytics
                    name: Analytics
                    levels:
                      - id: analyst
                        requires:
                          - {skill: sql, level: 2, weight: 0}
                          - {skill: viz, level: 2, weight: -1.5}
                """;

        List<TaxonomyProblem> problems = problems(yaml);

        assertThat(problems).extracting(TaxonomyProblem::line).containsExactly(9, 10);
        assertThat(problems).extracting(TaxonomyProblem::message).allSatisfy(
                message -> assertThat(message).startsWith("weight must be more than 0"));
        assertThat(problems.get(1).message()).contains("found -1.5");
    }

    @Test
    void reportsUnknownEvidenceKind() {
        String yaml = BASE + """
                evidence_rules:
                  - id: sql-badge
                    kind: badges
                    object: "moodle:badge:1"
                    grants: [{skill: sql, level: 2}]
                """;

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "kind: badges"));
        assertThat(problem.path()).isEqualTo("evidence_rules[sql-badge].kind");
        assertThat(problem.message()).startsWith("unknown evidence kind 'badges' (did you mean 'badge'?); known kinds:")
                .contains("course_completion", "peer_review").doesNotContain("revocation");
    }

    @Test
    void refusesRevocationAsAMilestoneEvidence() {
        String yaml = BASE + """
                blueprints:
                  - id: bp
                    name: Blueprint
                    from: analytics.analyst
                    to: analytics.senior-analyst
                    milestones:
                      - {id: m, name: M, evidence: revocation, skills: [sql], due_days: 10}
                """;

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "evidence: revocation"));
        assertThat(problem.message()).contains("'revocation' withdraws evidence");
    }

    @Test
    void reportsMissingRequiredFieldAtItsEntry() {
        String yaml = BASE + """
                learning_assets:
                  - id: course
                    name: SQL course
                    teaches: [{skill: sql}]
                    hours: 4
                """;

        List<TaxonomyProblem> problems = problems(yaml);

        assertThat(problems).extracting(TaxonomyProblem::line, TaxonomyProblem::path, TaxonomyProblem::message)
                .containsExactly(
                        tuple(lineOf(yaml, "id: course"), "learning_assets[course].type", "'type' is missing"),
                        tuple(lineOf(yaml, "teaches:"), "learning_assets[course].teaches[0].level",
                                "'level' is missing"));
    }

    @Test
    void reportsEmptyRequiredField() {
        String yaml = """
                version: 1
                skills:
                  - id: sql
                    name:
                    family: data
                """;

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).isEqualTo("'name' is empty");
    }

    @Test
    void reportsTextWhereANumberIsExpected() {
        String yaml = withAsset("""
                name: SQL course
                type: course
                hours: two
                teaches: [{skill: sql, level: high}]
                """);

        List<TaxonomyProblem> problems = problems(yaml);

        assertThat(problems).extracting(TaxonomyProblem::line, TaxonomyProblem::message).containsExactly(
                tuple(lineOf(yaml, "hours: two"), "expected a number, found text 'two'"),
                tuple(lineOf(yaml, "level: high"), "expected a number, found text 'high'"));
    }

    @Test
    void reportsFractionWhereAWholeNumberIsExpected() {
        String yaml = withAsset("""
                name: SQL course
                type: course
                hours: 2.5
                teaches: [{skill: sql, level: 2.5}]
                """);

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "level: 2.5"));
        assertThat(problem.message()).isEqualTo("expected a whole number, found 2.5");
    }

    @Test
    void reportsAListWhereTextIsExpectedAndTextWhereAListIsExpected() {
        String yaml = withAsset("""
                name: [SQL, course]
                type: course
                hours: 2
                teaches: sql
                """);

        List<TaxonomyProblem> problems = problems(yaml);

        assertThat(problems).extracting(TaxonomyProblem::line, TaxonomyProblem::message).containsExactly(
                tuple(lineOf(yaml, "name: [SQL"), "expected text, found a list"),
                tuple(lineOf(yaml, "teaches: sql"), "expected a list, found text 'sql'"));
    }

    @Test
    void reportsHalfLifeOfZeroOrLess() {
        String yaml = """
                version: 1
                skills:
                  - {id: sql, name: SQL, family: data, half_life_days: 0}
                  - {id: k8s, name: Kubernetes, family: platform, half_life_days: -30}
                  - {id: viz, name: Viz, family: data, half_life_days: 365}
                """;

        List<TaxonomyProblem> problems = problems(yaml);

        assertThat(problems).extracting(TaxonomyProblem::line).containsExactly(3, 4);
        assertThat(problems.get(0).message()).startsWith("half-life must be more than 0 days, found 0");
        assertThat(problems.get(1).path()).isEqualTo("skills[k8s].half_life_days");
    }

    @Test
    void reportsMinScoreOutsideZeroToOne() {
        String yaml = BASE + """
                evidence_rules:
                  - {id: pass, kind: assessment, object: "moodle:quiz:7", min_score: 70, grants: [{skill: sql, level: 2}]}
                  - {id: fail, kind: assessment, object: "moodle:quiz:8", min_score: -0.1, grants: [{skill: sql, level: 1}]}
                  - {id: fine, kind: assessment, object: "moodle:quiz:9", min_score: 0.7, grants: [{skill: sql, level: 1}]}
                """;

        List<TaxonomyProblem> problems = problems(yaml);

        assertThat(problems).extracting(TaxonomyProblem::line, TaxonomyProblem::path).containsExactly(
                tuple(lineOf(yaml, "id: pass"), "evidence_rules[pass].min_score"),
                tuple(lineOf(yaml, "id: fail"), "evidence_rules[fail].min_score"));
        assertThat(problems.get(0).message()).contains("from 0 to 1 (0.7 for 70%), found 70");
    }

    @Test
    void reportsUnknownFieldInWaypointSectionsWithTheFieldItMeant() {
        String yaml = """
                version: 1
                skills: [{id: sql, name: SQL, family: data}]
                career_tracks:
                  - id: analytics
                    name: Analytics
                    levels:
                      - id: analyst
                        requires:
                          - {skill: sql, level: 2, weigth: 3}
                """;

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(9);
        assertThat(problem.column()).isEqualTo(columnOf(yaml, "weigth"));
        assertThat(problem.path()).isEqualTo("career_tracks[analytics].levels[0].requires[0].weigth");
        assertThat(problem.message()).isEqualTo(
                "unknown field 'weigth' (did you mean 'weight'?); known fields: skill, level, weight, must_have");
    }

    @Test
    void reportsUnknownTopLevelSection() {
        String yaml = BASE + "learning_asset: []\n";

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "learning_asset:"));
        assertThat(problem.message()).startsWith("unknown field 'learning_asset' (did you mean 'learning_assets'?)");
    }

    @Test
    void letsAuthorNotesPassEverywhere() {
        String yaml = BASE.replace("version: test-1", "version: test-1\nx-owner: people-team") + """
                learning_assets:
                  - id: course
                    x_reviewed_by: Dana
                    name: SQL course
                    type: course
                    hours: 4
                    teaches: [{skill: sql, level: 2}]
                """;

        assertThat(loadOk(yaml).assets()).containsKey("course");
    }

    @Test
    void toleratesHrFieldsInCareerTracksAndLevels() {
        String yaml = """
                version: 1
                career_tracks:
                  - id: engineering
                    name: Engineering
                    job_family: Technology
                    description: Builds the product
                    levels:
                      - id: ic1
                        title: Engineer I
                        salary_band: B3
                        headcount: 12
                """;

        Taxonomy taxonomy = loadOk(yaml);

        assertThat(taxonomy.roles()).containsOnlyKeys("engineering.ic1");
    }

    @Test
    void reportsTypoOfAWaypointFieldInCareerTracks() {
        String yaml = """
                version: 1
                career_tracks:
                  - id: engineering
                    name: Engineering
                    levels: [ic1]
                    lateral_move:
                      - {from: ic1, to: product.pm}
                """;

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.message()).isEqualTo("unknown field 'lateral_move' (did you mean 'lateral_moves'?)");
    }

    @Test
    void reportsUnknownAssetType() {
        String yaml = withAsset("""
                name: SQL course
                type: workshop
                hours: 4
                teaches: [{skill: sql, level: 2}]
                """);

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "type: workshop"));
        assertThat(problem.message())
                .isEqualTo("unknown asset type 'workshop'; known types: course, activity, badge, assessment, certification");
    }

    @Test
    void reportsMalformedAndRepeatedLmsRefs() {
        String yaml = BASE + """
                learning_assets:
                  - id: sql-course
                    name: SQL course
                    type: course
                    hours: 4
                    lms_refs: ["moodle:course:SQLF101", "SQLF101"]
                    teaches: [{skill: sql, level: 2}]
                  - id: sql-again
                    name: SQL course, again
                    type: course
                    hours: 4
                    lms_refs: ["moodle:course:SQLF101"]
                    teaches: [{skill: sql, level: 2}]
                """;

        List<TaxonomyProblem> problems = problems(yaml);

        assertThat(problems).extracting(TaxonomyProblem::line, TaxonomyProblem::path).containsExactly(
                tuple(lineOf(yaml, "\"SQLF101\""), "learning_assets[sql-course].lms_refs[1]"),
                tuple(lineOf(yaml, "lms_refs: [\"moodle:course:SQLF101\"]"), "learning_assets[sql-again].lms_refs[0]"));
        assertThat(problems.get(0).message()).startsWith("'SQLF101' is not an LMS reference");
        assertThat(problems.get(1).message()).startsWith(
                "LMS reference 'moodle:course:SQLF101' already belongs to learning asset 'sql-course'");
    }

    @Test
    void reportsASkillThatIsNeitherInAFamilyNorCrossFunctional() {
        String yaml = """
                version: 1
                skills:
                  - {id: sql, name: SQL}
                  - {id: talk, name: Communication, family: soft, cross_functional: true}
                """;

        List<TaxonomyProblem> problems = problems(yaml);

        assertThat(problems).extracting(TaxonomyProblem::line).containsExactly(3, 4);
        assertThat(problems.get(0).message()).startsWith("'family' is missing");
        assertThat(problems.get(1).message()).startsWith("a skill is either in a family or cross-functional");
    }

    @Test
    void reportsTheSameSkillTwiceInOneRequirementList() {
        String yaml = """
                version: 1
                skills: [{id: sql, name: SQL, family: data}]
                career_tracks:
                  - id: analytics
                    name: Analytics
                    levels:
                      - id: analyst
                        requires:
                          - {skill: sql, level: 2}
                          - {skill: sql, level: 3}
                """;

        TaxonomyProblem problem = onlyProblem(yaml);

        assertThat(problem.line()).isEqualTo(10);
        assertThat(problem.message()).isEqualTo("skill 'sql' is already required in this list (line 9)");
    }

    @Test
    void reportsNegativeDueDaysAndUnknownVerificationStep() {
        String yaml = BASE + """
                blueprints:
                  - id: bp
                    name: Blueprint
                    from: analytics.analyst
                    to: analytics.senior-analyst
                    milestones:
                      - {id: m, name: M, evidence: applied_project, skills: [sql], due_days: -5}
                    verification: [learning, peer_reviews]
                """;

        List<TaxonomyProblem> problems = problems(yaml);

        assertThat(problems).extracting(TaxonomyProblem::line, TaxonomyProblem::path).containsExactly(
                tuple(lineOf(yaml, "due_days: -5"), "blueprints[bp].milestones[0].due_days"),
                tuple(lineOf(yaml, "peer_reviews"), "blueprints[bp].verification[1]"));
        assertThat(problems.get(1).message()).startsWith(
                "unknown verification step 'peer_reviews' (did you mean 'peer_review'?)");
    }
}
