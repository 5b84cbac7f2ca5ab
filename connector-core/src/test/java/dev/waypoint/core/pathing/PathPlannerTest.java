package dev.waypoint.core.pathing;

import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.SkillEvidence;
import dev.waypoint.core.pathing.PathStep.StepType;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.readiness.ReadinessCalculator;
import dev.waypoint.core.readiness.ReadinessModel;
import dev.waypoint.core.taxonomy.LearningAsset;
import dev.waypoint.core.taxonomy.LearningAsset.AssetType;
import dev.waypoint.core.taxonomy.Milestone;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.RoleBlueprint;
import dev.waypoint.core.taxonomy.Skill;
import dev.waypoint.core.taxonomy.SkillGrant;
import dev.waypoint.core.taxonomy.SkillRequirement;
import dev.waypoint.core.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PathPlannerTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 1, 6);
    private static final double EXACT = 1e-9;

    private static final List<Skill> SKILLS = List.of(
            new Skill("sql", "SQL", "data", false, null, null),
            new Skill("python", "Python", "data", false, null, null),
            new Skill("modelling", "Data modelling", "data", false, null, null));

    private final ReadinessModel model = ReadinessModel.defaults();
    private final PathPlanner planner = new PathPlanner(model);

    @Test
    void prerequisiteChainIsTakenInOrderAndDated() {
        // Listed out of order, with ids whose alphabetical order is not the prerequisite order.
        Taxonomy taxonomy = taxonomy(List.of(
                asset("sql-advanced", AssetType.COURSE, 10, List.of("sql-joins"), grant("sql", 3)),
                asset("sql-joins", AssetType.COURSE, 5, List.of("sql-basics"), grant("modelling", 1)),
                asset("sql-basics", AssetType.COURSE, 5, List.of(), grant("modelling", 1))));
        Role role = role(req("sql", 3, 1));

        LearningPath path = planner.plan(request(taxonomy, role, List.of(), null, Set.of(), 5));

        assertThat(path.steps()).extracting(PathStep::refId)
                .containsExactly("sql-basics", "sql-joins", "sql-advanced");
        // 5 h at 5 h a week = 7 days each; the 10 h course takes 14 days.
        assertThat(path.steps()).extracting(PathStep::startsOn)
                .containsExactly(MONDAY, MONDAY.plusDays(7), MONDAY.plusDays(14));
        assertThat(path.steps()).extracting(PathStep::dueOn)
                .containsExactly(MONDAY.plusDays(7), MONDAY.plusDays(14), MONDAY.plusDays(28));
        assertThat(path.steps()).extracting(PathStep::prerequisiteOnly).containsExactly(true, true, false);
        // The course at the target: q = 0.6, sql goes 0 → 0.6, still below 0.8, so it remains in the gap.
        GapClosure closes = path.steps().get(2).closes().get(0);
        assertThat(closes.skillId()).isEqualTo("sql");
        assertThat(closes.after()).isCloseTo(0.6, within(EXACT));
        assertThat(path.totalHours()).isEqualTo(20);
        assertThat(path.remainingGap()).singleElement().satisfies(g -> {
            assertThat(g.skillId()).isEqualTo("sql");
            assertThat(g.before()).isZero();
            assertThat(g.after()).isCloseTo(0.6, within(EXACT));
        });
    }

    @Test
    void completedPrerequisitesAreNotTakenAgain() {
        Taxonomy taxonomy = taxonomy(List.of(
                asset("sql-advanced", AssetType.COURSE, 10, List.of("sql-joins"), grant("sql", 3)),
                asset("sql-joins", AssetType.COURSE, 5, List.of("sql-basics"), grant("modelling", 1)),
                asset("sql-basics", AssetType.COURSE, 5, List.of(), grant("modelling", 1))));

        LearningPath path = planner.plan(request(taxonomy, role(req("sql", 3, 1)), List.of(), null,
                Set.of("sql-basics"), 5));

        assertThat(path.steps()).extracting(PathStep::refId).containsExactly("sql-joins", "sql-advanced");
    }

    @Test
    void setCoverPrefersTwoShortAssetsOverOneLongOneCoveringTheSameSkills() {
        // Certifications (q = 0.9) lift a skill past 0.8 on their own.
        // bootcamp: (0.9 + 0.9) / 40 h = 0.045 per hour; each 5 h certification: 0.9 / 5 h = 0.18 per hour.
        // After both short ones, sql and python are at 0.9, covered: the bootcamp closes nothing more.
        Taxonomy taxonomy = taxonomy(twoSkillCatalogue());
        Role role = role(req("sql", 2, 1), req("python", 2, 1));

        LearningPath path = planner.plan(request(taxonomy, role, List.of(), null, Set.of(), 5));

        assertThat(path.steps()).extracting(PathStep::refId).containsExactlyInAnyOrder("sql-cert", "python-cert");
        assertThat(path.totalHours()).isEqualTo(10);
        assertThat(path.remainingGap()).isEmpty();
    }

    @Test
    void completedAssetsAreSkipped() {
        // sql-cert is done but its evidence has not arrived yet: sql still scores 0. The planner must not
        // send the learner back to it, so the bootcamp is the only way left to sql.
        Taxonomy taxonomy = taxonomy(twoSkillCatalogue());
        Role role = role(req("sql", 2, 1), req("python", 2, 1));

        LearningPath path = planner.plan(request(taxonomy, role, List.of(), null, Set.of("sql-cert"), 5));

        assertThat(path.steps()).extracting(PathStep::refId).containsExactly("python-cert", "bootcamp");
    }

    @Test
    void prerequisiteHoursCountAgainstTheAssetThatNeedsThem() {
        // quick-cert: 0.9 / (5 + 30) h = 0.026 per hour; long-cert: 0.9 / 20 h = 0.045 per hour.
        Taxonomy taxonomy = taxonomy(List.of(
                asset("foundations", AssetType.COURSE, 30, List.of(), grant("modelling", 1)),
                asset("quick-cert", AssetType.CERTIFICATION, 5, List.of("foundations"), grant("sql", 3)),
                asset("long-cert", AssetType.CERTIFICATION, 20, List.of(), grant("sql", 3))));

        LearningPath path = planner.plan(request(taxonomy, role(req("sql", 3, 1)), List.of(), null, Set.of(), 5));

        assertThat(path.steps()).extracting(PathStep::refId).containsExactly("long-cert");
    }

    @Test
    void aSkillAlreadyAboveTheThresholdProducesNoStep() {
        // sql: assessment at the target, S = 1; python: nothing, S = 0.
        Taxonomy taxonomy = taxonomy(List.of(
                asset("sql-course", AssetType.COURSE, 10, List.of(), grant("sql", 3)),
                asset("python-course", AssetType.COURSE, 10, List.of(), grant("python", 2))));
        Role role = role(req("sql", 3, 1), req("python", 2, 1));
        List<SkillEvidence> evidence = List.of(
                new SkillEvidence("a", "sql", EvidenceKind.ASSESSMENT, 3,
                        MONDAY.atStartOfDay().toInstant(ZoneOffset.UTC)));

        LearningPath path = planner.plan(request(taxonomy, role, evidence, null, Set.of(), 5));

        assertThat(path.steps()).extracting(PathStep::refId).containsExactly("python-course");
        assertThat(path.steps().get(0).closes()).extracting(GapClosure::skillId).containsExactly("python");
    }

    @Test
    void blueprintMilestonesAreAppendedAfterTheLearningAndDated() {
        Taxonomy taxonomy = taxonomy(List.of(asset("sql-course", AssetType.COURSE, 10, List.of(), grant("sql", 3))));
        RoleBlueprint blueprint = sqlBlueprint();

        LearningPath path = planner.plan(request(taxonomy, role(req("sql", 3, 1)), List.of(), blueprint, Set.of(), 5));

        // The learning milestone is served by the course; only project and sign-off become steps.
        assertThat(path.steps()).extracting(PathStep::type)
                .containsExactly(StepType.ASSET, StepType.MILESTONE, StepType.MILESTONE);
        assertThat(path.steps()).extracting(PathStep::refId).containsExactly("sql-course", "project", "sign-off");
        assertThat(path.steps()).extracting(PathStep::evidenceKind)
                .containsExactly("course_completion", "applied_project", "manager_endorsement");
        // Course: 10 h at 5 h/week = 14 days → ends 01-20. Project due max(01-20, 01-06 + 60) = 03-07;
        // sign-off due max(03-07, 01-06 + 90) = 04-06.
        assertThat(path.steps()).extracting(PathStep::dueOn)
                .containsExactly(LocalDate.of(2025, 1, 20), LocalDate.of(2025, 3, 7), LocalDate.of(2025, 4, 6));
        assertThat(path.steps().get(1).startsOn()).isEqualTo(LocalDate.of(2025, 1, 20));
        // sql: course 0 → 0.6; project (q = 0.9): 1 − 0.4 · 0.1 = 0.96; endorsement (q = 1): 1.
        assertThat(path.steps()).extracting(s -> s.closes().get(0).weightedGapClosed())
                .satisfiesExactly(
                        g -> assertThat(g).isCloseTo(0.6, within(EXACT)),
                        g -> assertThat(g).isCloseTo(0.36, within(EXACT)),
                        g -> assertThat(g).isCloseTo(0.04, within(EXACT)));
        assertThat(path.remainingGap()).isEmpty();
        assertThat(path.blueprintId()).isEqualTo("analyst-to-engineer");
    }

    @Test
    void aMilestoneIsNeverDueBeforeTheLearningBeforeItEnds() {
        Taxonomy taxonomy = taxonomy(List.of(asset("sql-course", AssetType.COURSE, 10, List.of(), grant("sql", 3))));

        // One hour a week: the 10 h course takes 70 days, ending 03-17, after the project's day 60 (03-07).
        LearningPath path = planner.plan(request(taxonomy, role(req("sql", 3, 1)), List.of(), sqlBlueprint(),
                Set.of(), 1));

        assertThat(path.steps()).extracting(PathStep::dueOn)
                .containsExactly(LocalDate.of(2025, 3, 17), LocalDate.of(2025, 3, 17), LocalDate.of(2025, 4, 6));
    }

    @Test
    void aMilestoneAlreadyMetByEvidenceIsLeftOut() {
        Taxonomy taxonomy = taxonomy(List.of(asset("sql-course", AssetType.COURSE, 10, List.of(), grant("sql", 3))));
        // A level 1 project: q = 0.9 · 1/3 = 0.3, S = min(1/3, 0.3) = 0.3, so sql is still in the gap.
        List<SkillEvidence> evidence = List.of(new SkillEvidence("p", "sql", EvidenceKind.APPLIED_PROJECT, 1,
                MONDAY.atStartOfDay().toInstant(ZoneOffset.UTC)));

        LearningPath path = planner.plan(request(taxonomy, role(req("sql", 3, 1)), evidence, sqlBlueprint(),
                Set.of(), 5));

        assertThat(path.steps()).extracting(PathStep::refId).containsExactly("sql-course", "sign-off");
        // Course q = 0.6 on top of the project: 1 − 0.7 · 0.4 = 0.72, ceiling now 1.
        assertThat(path.steps().get(0).closes().get(0).before()).isCloseTo(0.3, within(EXACT));
        assertThat(path.steps().get(0).closes().get(0).after()).isCloseTo(0.72, within(EXACT));
    }

    @Test
    void aMilestoneServedByAnAssetOnThePathIsNotScheduledTwice() {
        LearningAsset project = new LearningAsset("reporting-project", "Reporting project", AssetType.ACTIVITY,
                List.of(), List.of(grant("sql", 3)), 20, List.of(), EvidenceKind.APPLIED_PROJECT);
        Taxonomy taxonomy = taxonomy(List.of(project));
        RoleBlueprint blueprint = new RoleBlueprint("b", "B", "data.analyst", "data.engineer", List.of(
                new Milestone("project", "Reporting project", EvidenceKind.APPLIED_PROJECT, List.of("sql"),
                        List.of("reporting-project"), 60),
                new Milestone("sign-off", "Manager sign-off", EvidenceKind.MANAGER_ENDORSEMENT, List.of("sql"),
                        List.of(), 90)), null);

        LearningPath path = planner.plan(request(taxonomy, role(req("sql", 3, 1)), List.of(), blueprint, Set.of(), 5));

        assertThat(path.steps()).extracting(PathStep::refId).containsExactly("reporting-project", "sign-off");
    }

    @Test
    void theBlueprintOrderBreaksTiesBeforeHours() {
        Taxonomy taxonomy = taxonomy(List.of(
                asset("stats", AssetType.CERTIFICATION, 5, List.of(), grant("python", 2)),
                asset("warehouse", AssetType.CERTIFICATION, 10, List.of(), grant("sql", 3))));
        Role role = role(req("sql", 3, 1), req("python", 2, 1));
        RoleBlueprint sqlFirst = new RoleBlueprint("b", "B", "from", "to", List.of(
                new Milestone("learn-sql", "Learn SQL", EvidenceKind.CERTIFICATION, List.of("sql"), List.of(), 30),
                new Milestone("learn-python", "Learn Python", EvidenceKind.CERTIFICATION, List.of("python"),
                        List.of(), 60)), null);

        LearningPath withBlueprint = planner.plan(request(taxonomy, role, List.of(), sqlFirst, Set.of(), 5));
        LearningPath without = planner.plan(request(taxonomy, role, List.of(), null, Set.of(), 5));

        assertThat(withBlueprint.steps()).extracting(PathStep::refId).containsExactly("warehouse", "stats");
        assertThat(without.steps()).extracting(PathStep::refId).containsExactly("stats", "warehouse");
    }

    @Test
    void aStricterGapThresholdAsksForMoreLearning() {
        // Two 5 h courses on sql: one gives 0.6, both 1 − 0.4² = 0.84.
        // At the default 0.8 both are needed; at 0.5 one course is enough.
        Taxonomy taxonomy = taxonomy(List.of(
                asset("sql-a", AssetType.COURSE, 5, List.of(), grant("sql", 3)),
                asset("sql-b", AssetType.COURSE, 5, List.of(), grant("sql", 3))));
        ReadinessModel lenient = new ReadinessModel(ReadinessModel.defaultConfidence(), 80, 60, 0.5, 59, 0.5);

        LearningPath byDefault = planner.plan(request(taxonomy, role(req("sql", 3, 1)), List.of(), null, Set.of(), 5));
        LearningPath byLenient = new PathPlanner(lenient).plan(
                request(taxonomy, role(req("sql", 3, 1)), List.of(), null, Set.of(), 5));

        assertThat(byDefault.steps()).extracting(PathStep::refId).containsExactly("sql-a", "sql-b");
        assertThat(byLenient.steps()).extracting(PathStep::refId).containsExactly("sql-a");
    }

    @Test
    void aZeroHourAssetIsPlannedWithoutTakingTime() {
        Taxonomy taxonomy = taxonomy(List.of(asset("recognised", AssetType.CERTIFICATION, 0, List.of(),
                grant("sql", 3))));

        LearningPath path = planner.plan(request(taxonomy, role(req("sql", 3, 1)), List.of(), null, Set.of(), 5));

        assertThat(path.steps()).singleElement().satisfies(s -> {
            assertThat(s.startsOn()).isEqualTo(MONDAY);
            assertThat(s.dueOn()).isEqualTo(MONDAY);
        });
    }

    @Test
    void aPrerequisiteCycleIsReportedByAsset() {
        Taxonomy taxonomy = taxonomy(List.of(
                asset("a", AssetType.COURSE, 5, List.of("b"), grant("sql", 3)),
                asset("b", AssetType.COURSE, 5, List.of("a"), grant("modelling", 1))));

        assertThatThrownBy(() -> planner.plan(request(taxonomy, role(req("sql", 3, 1)), List.of(), null, Set.of(), 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("own prerequisite");
    }

    private PathRequest request(Taxonomy taxonomy, Role role, List<SkillEvidence> evidence, RoleBlueprint blueprint,
                                Set<String> completed, double weeklyHours) {
        Readiness readiness = new ReadinessCalculator(model).compute("p1", role, evidence, taxonomy,
                MONDAY.atStartOfDay().toInstant(ZoneOffset.UTC));
        return new PathRequest("p1", role, readiness, taxonomy, blueprint, completed, weeklyHours, MONDAY);
    }

    private static List<LearningAsset> twoSkillCatalogue() {
        return List.of(
                asset("bootcamp", AssetType.CERTIFICATION, 40, List.of(), grant("sql", 2), grant("python", 2)),
                asset("sql-cert", AssetType.CERTIFICATION, 5, List.of(), grant("sql", 2)),
                asset("python-cert", AssetType.CERTIFICATION, 5, List.of(), grant("python", 2)));
    }

    private static RoleBlueprint sqlBlueprint() {
        return new RoleBlueprint("analyst-to-engineer", "Analyst to engineer", "data.analyst", "data.engineer",
                List.of(new Milestone("learn", "SQL course", EvidenceKind.COURSE_COMPLETION, List.of("sql"),
                                List.of("sql-course"), 30),
                        new Milestone("project", "Reporting project", EvidenceKind.APPLIED_PROJECT, List.of("sql"),
                                List.of(), 60),
                        new Milestone("sign-off", "Manager sign-off", EvidenceKind.MANAGER_ENDORSEMENT,
                                List.of("sql"), List.of(), 90)),
                null);
    }

    private static Taxonomy taxonomy(List<LearningAsset> assets) {
        return new Taxonomy("t1", SKILLS, List.of(), List.of(), List.of(), List.of(), assets, List.of());
    }

    private static Role role(SkillRequirement... requirements) {
        return new Role("data.engineer", "Data engineer", "data", 3, List.of(requirements));
    }

    private static SkillRequirement req(String skill, int target, double weight) {
        return new SkillRequirement(skill, target, weight, false);
    }

    private static SkillGrant grant(String skill, int level) {
        return new SkillGrant(skill, level);
    }

    private static LearningAsset asset(String id, AssetType type, double hours, List<String> prerequisites,
                                       SkillGrant... teaches) {
        return new LearningAsset(id, id, type, List.of(), List.of(teaches), hours, prerequisites, null);
    }
}
