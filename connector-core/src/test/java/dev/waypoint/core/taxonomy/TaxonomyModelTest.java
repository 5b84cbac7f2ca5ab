package dev.waypoint.core.taxonomy;

import static dev.waypoint.core.taxonomy.TaxonomyText.BASE;
import static dev.waypoint.core.taxonomy.TaxonomyText.loadOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.verification.VerificationPolicy;
import dev.waypoint.core.verification.VerificationStep;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** What a valid file turns into: roles from the ladders, moves, merged frameworks, blueprints, assets, rules. */
class TaxonomyModelTest {

    private static final String SKILLS = """
            version: 1
            skills:
              - {id: code, name: Programming, family: engineering, half_life_days: 540}
              - {id: design, name: System design, family: engineering}
              - {id: talk, name: Communication, cross_functional: true}
            """;

    @Test
    void readsTheThreeSpellingsOfATrackIntoTheSameRoles() {
        String plainIds = SKILLS + """
                career_tracks:
                  - id: engineering
                    name: Engineering
                    levels: [ic1, ic2, ic3]
                """;
        String levelMaps = SKILLS + """
                career_tracks:
                  - id: engineering
                    name: Engineering
                    levels:
                      - id: ic1
                      - {id: ic2}
                      - id: ic3
                        salary_band: E5
                """;
        String keyedByTrack = SKILLS + """
                career_tracks:
                  engineering:
                    name: Engineering
                    levels: {ic1: , ic2: , ic3: }
                """;

        List<Taxonomy> loaded = List.of(loadOk(plainIds), loadOk(levelMaps), loadOk(keyedByTrack));

        for (Taxonomy taxonomy : loaded) {
            assertThat(taxonomy.roles().values()).extracting(Role::id, Role::trackId, Role::rank).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("engineering.ic1", "engineering", 1),
                    org.assertj.core.groups.Tuple.tuple("engineering.ic2", "engineering", 2),
                    org.assertj.core.groups.Tuple.tuple("engineering.ic3", "engineering", 3));
            assertThat(taxonomy.tracks().get("engineering").roleIds())
                    .containsExactly("engineering.ic1", "engineering.ic2", "engineering.ic3");
            assertThat(taxonomy.tracks().get("engineering").name()).isEqualTo("Engineering");
        }
        assertThat(loaded.get(0).roles()).isEqualTo(loaded.get(1).roles()).isEqualTo(loaded.get(2).roles());
    }

    @Test
    void readsLevelTitlesAndRequirementsWithTheirDefaults() {
        String yaml = SKILLS + """
                career_tracks:
                  - id: engineering
                    name: Engineering
                    levels:
                      - id: ic3
                        title: Senior Engineer
                        requires:
                          - {skill: code, level: 4, weight: 3, must_have: true}
                          - {skill: talk, level: 3}
                """;

        Role role = loadOk(yaml).role("engineering.ic3").orElseThrow();

        assertThat(role.name()).isEqualTo("Senior Engineer");
        assertThat(role.requirements()).containsExactly(
                new SkillRequirement("code", 4, 3.0, true),
                new SkillRequirement("talk", 3, 1.0, false));
    }

    @Test
    void resolvesLateralMovesWrittenWithABareOrAFullRoleId() {
        String yaml = SKILLS + """
                career_tracks:
                  - id: engineering
                    name: Engineering
                    levels: [ic1, ic2, ic3]
                    lateral_moves:
                      - {from: ic3, to: product.pm}
                      - {from: engineering.ic2, to: product.associate-pm}
                  - id: product
                    name: Product
                    levels: [associate-pm, pm]
                    lateral_moves:
                      - {from: pm, to: engineering.ic3}
                """;

        Taxonomy taxonomy = loadOk(yaml);

        assertThat(taxonomy.tracks().get("engineering").lateralMoves()).containsExactly(
                new LateralMove("engineering.ic3", "product.pm"),
                new LateralMove("engineering.ic2", "product.associate-pm"));
        assertThat(taxonomy.lateralMoves("engineering.ic3")).extracting(Role::id).containsExactly("product.pm");
        assertThat(taxonomy.lateralMoves("product.pm")).extracting(Role::id).containsExactly("engineering.ic3");
        assertThat(taxonomy.nextLevel("engineering.ic2")).map(Role::id).contains("engineering.ic3");
    }

    @Test
    void mergesFrameworkRequirementsIntoTheRoleKeepingTheStricterOfTwo() {
        String yaml = SKILLS + """
                career_tracks:
                  - id: engineering
                    name: Engineering
                    levels:
                      - id: ic3
                        requires:
                          - {skill: code, level: 3, weight: 2}
                competency_frameworks:
                  - id: senior-engineer
                    name: Senior Engineer
                    role: engineering.ic3
                    competencies:
                      - id: technical-excellence
                        name: Technical excellence
                        requires:
                          - {skill: code, level: 4, weight: 1, must_have: true}
                          - {skill: design, level: 3, weight: 2}
                      - id: communication
                        name: Communication
                        description: Explains trade-offs to people outside engineering
                        requires:
                          - {skill: talk, level: 3}
                          - {skill: design, level: 2, weight: 3}
                """;

        Taxonomy taxonomy = loadOk(yaml);

        assertThat(taxonomy.role("engineering.ic3").orElseThrow().requirements()).containsExactly(
                new SkillRequirement("code", 4, 2.0, true),
                new SkillRequirement("design", 3, 3.0, false),
                new SkillRequirement("talk", 3, 1.0, false));
        CompetencyFramework framework = taxonomy.frameworks().get(0);
        assertThat(framework.roleId()).isEqualTo("engineering.ic3");
        assertThat(framework.competencies()).extracting(CompetencyFramework.Competency::id)
                .containsExactly("technical-excellence", "communication");
        assertThat(framework.competencies().get(1).description()).startsWith("Explains");
        assertThat(framework.competencies().get(1).requirements()).hasSize(2);
    }

    @Test
    void readsBlueprintsWithMilestonesAndTheirVerificationPolicy() {
        String yaml = BASE + """
                learning_assets:
                  - {id: sql-course, name: SQL, type: course, hours: 6, teaches: [{skill: sql, level: 2}]}
                blueprints:
                  - id: analyst-to-senior
                    name: Data Analyst → Senior Analyst
                    from: analytics.analyst
                    to: analytics.senior-analyst
                    milestones:
                      - {id: learn, name: Learn SQL, evidence: badge, skills: [sql], assets: [sql-course], due_days: 30}
                      - {id: review, name: Peer review, evidence: peer_review, skills: [sql, dataviz], due_days: 90}
                    verification:
                      - learning
                      - {step: project, kinds: [applied_project]}
                      - {step: peer_review, kinds: [peer_review], level_must_meet_target: true}
                  - id: default-policy
                    name: PM move
                    from: product.associate-pm
                    to: product.pm
                    milestones:
                      - {id: endorse, name: Endorsement, evidence: manager_endorsement, skills: [communication], due_days: 60}
                """;

        Taxonomy taxonomy = loadOk(yaml);

        RoleBlueprint blueprint = taxonomy.blueprint("analytics.analyst", "analytics.senior-analyst").orElseThrow();
        assertThat(blueprint.milestones()).containsExactly(
                new Milestone("learn", "Learn SQL", EvidenceKind.BADGE, List.of("sql"), List.of("sql-course"), 30),
                new Milestone("review", "Peer review", EvidenceKind.PEER_REVIEW, List.of("sql", "dataviz"), List.of(), 90));
        assertThat(blueprint.verification().steps()).containsExactly(
                VerificationPolicy.LEARNING,
                new VerificationStep("project", java.util.Set.of(EvidenceKind.APPLIED_PROJECT), false),
                new VerificationStep("peer_review", java.util.Set.of(EvidenceKind.PEER_REVIEW), true));
        assertThat(taxonomy.blueprints().get("default-policy").verification()).isEqualTo(VerificationPolicy.DEFAULT);
    }

    @Test
    void readsAssetsAndRulesWithTheirLmsRefs() {
        String yaml = BASE + """
                learning_assets:
                  sql-fundamentals:
                    name: SQL Fundamentals
                    type: course
                    lms_refs: ["moodle:course:SQLF101"]
                    teaches: [{skill: sql, level: 2}]
                    hours: 12
                  sql-certified:
                    name: SQL Certified
                    type: badge
                    lms_refs: ["moodle:badge:1"]
                    teaches: [{skill: sql, level: 3}]
                    hours: 0
                    prerequisites: [sql-fundamentals]
                    evidence: certification
                evidence_rules:
                  - id: sql-quiz-pass
                    kind: assessment
                    object: "moodle:quiz:12"
                    min_score: 0.8
                    grants: [{skill: sql, level: 3}, {skill: dataviz, level: 1}]
                  - id: any-peer-review
                    kind: peer_review
                    object: "*"
                    grants: [{skill: communication, level: 2}]
                """;

        Taxonomy taxonomy = loadOk(yaml);

        LearningAsset course = taxonomy.assetByLmsRef("moodle:course:SQLF101").orElseThrow();
        assertThat(course.id()).isEqualTo("sql-fundamentals");
        assertThat(course.completionKind()).isEqualTo(EvidenceKind.COURSE_COMPLETION);
        assertThat(course.hours()).isEqualTo(12.0);
        LearningAsset badge = taxonomy.assets().get("sql-certified");
        assertThat(badge.prerequisiteIds()).containsExactly("sql-fundamentals");
        assertThat(badge.completionKind()).isEqualTo(EvidenceKind.CERTIFICATION);
        assertThat(taxonomy.rules()).extracting(EvidenceRule::id).containsExactly("sql-quiz-pass", "any-peer-review");
        EvidenceRule quiz = taxonomy.rules().get(0);
        assertThat(quiz.matches(EvidenceKind.ASSESSMENT, "moodle:quiz:12", 0.85)).isTrue();
        assertThat(quiz.matches(EvidenceKind.ASSESSMENT, "moodle:quiz:12", 0.75)).isFalse();
        assertThat(taxonomy.rules().get(1).matches(EvidenceKind.PEER_REVIEW, "anything", null)).isTrue();
    }

    @Test
    void readsSkillsWithFamilyHalfLifeAndLevelTexts() {
        String yaml = """
                version: 1
                skills:
                  - id: sql
                    name: SQL
                    family: data
                    half_life_days: 730
                    levels:
                      1: Reads simple queries
                      3: Writes window functions
                  - {id: talk, name: Communication, cross_functional: true}
                """;

        Taxonomy taxonomy = loadOk(yaml);

        Skill sql = taxonomy.skill("sql").orElseThrow();
        assertThat(sql.family()).isEqualTo("data");
        assertThat(sql.halfLifeDays()).isEqualTo(730.0);
        assertThat(sql.levelDescriptions()).isEqualTo(Map.of(1, "Reads simple queries", 3, "Writes window functions"));
        Skill talk = taxonomy.skill("talk").orElseThrow();
        assertThat(talk.crossFunctional()).isTrue();
        assertThat(talk.family()).isNull();
        assertThat(talk.decays()).isFalse();
    }
}
