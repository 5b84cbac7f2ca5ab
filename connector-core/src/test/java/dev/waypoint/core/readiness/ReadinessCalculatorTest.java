package dev.waypoint.core.readiness;

import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.SkillEvidence;
import dev.waypoint.core.readiness.Readiness.EvidenceContribution;
import dev.waypoint.core.readiness.Readiness.SkillScore;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.Skill;
import dev.waypoint.core.taxonomy.SkillRequirement;
import dev.waypoint.core.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.waypoint.core.evidence.EvidenceKind.APPLIED_PROJECT;
import static dev.waypoint.core.evidence.EvidenceKind.ASSESSMENT;
import static dev.waypoint.core.evidence.EvidenceKind.COURSE_COMPLETION;
import static dev.waypoint.core.evidence.EvidenceKind.MANAGER_ENDORSEMENT;
import static dev.waypoint.core.evidence.EvidenceKind.SELF_ASSESSMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReadinessCalculatorTest {

    private static final Instant AS_OF = Instant.parse("2025-06-01T00:00:00Z");
    private static final double EXACT = 1e-9;

    /** sql fades with a one-year half-life; python and communication keep. */
    private final Taxonomy taxonomy = new Taxonomy("test-1",
            List.of(new Skill("sql", "SQL", "data", false, 365.0, null),
                    new Skill("python", "Python", "data", false, null, null),
                    new Skill("communication", "Communication", null, true, null, null)),
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    private final ReadinessCalculator calculator = new ReadinessCalculator(ReadinessModel.defaults());

    @Test
    void noEvidenceScoresZeroAndDeveloping() {
        Readiness r = calculator.compute("p1", sqlOnly(false), List.of(), taxonomy, AS_OF);

        assertThat(r.score()).isZero();
        assertThat(r.band()).isEqualTo(Band.DEVELOPING);
        assertThat(r.skills()).singleElement().satisfies(s -> {
            assertThat(s.score()).isZero();
            assertThat(s.ceiling()).isZero();
            assertThat(s.evidence()).isEmpty();
        });
        assertThat(r.personId()).isEqualTo("p1");
        assertThat(r.taxonomyVersion()).isEqualTo("test-1");
    }

    @Test
    void oneCourseCompletionAtTargetScoresItsConfidence() {
        // q = 0.6 (course) · 1 (fresh) · min(1, 3/3) = 0.6; S = min(1, 1 − 0.4) = 0.6; R = round(100 · 0.6) = 60.
        Readiness r = calculator.compute("p1", sqlOnly(false),
                List.of(evidence("e1", "sql", COURSE_COMPLETION, 3, AS_OF)), taxonomy, AS_OF);

        assertThat(r.score()).isEqualTo(60);
        assertThat(r.band()).isEqualTo(Band.NEARLY);
        EvidenceContribution c = r.skills().get(0).evidence().get(0);
        assertThat(c.evidenceId()).isEqualTo("e1");
        assertThat(c.kind()).isEqualTo("course_completion");
        assertThat(c.confidence()).isEqualTo(0.6);
        assertThat(c.decay()).isEqualTo(1.0);
        assertThat(c.levelFactor()).isEqualTo(1.0);
        assertThat(c.quality()).isCloseTo(0.6, within(EXACT));
    }

    @Test
    void completionProjectAndEndorsementCloseWhatIsLeftInTurn() {
        // course L3: q = 0.6; project L3: q = 0.9; endorsement L2 of 3: q = 1.0 · 2/3.
        // Π(1 − q) = 0.4 · 0.1 · (1/3) = 0.013333…; m = 1 (the course shows level 3);
        // S = min(1, 0.986667) = 0.986667; R = round(98.6667) = 99.
        Readiness r = calculator.compute("p1", sqlOnly(false), List.of(
                evidence("c", "sql", COURSE_COMPLETION, 3, AS_OF),
                evidence("p", "sql", APPLIED_PROJECT, 3, AS_OF),
                evidence("m", "sql", MANAGER_ENDORSEMENT, 2, AS_OF)), taxonomy, AS_OF);

        SkillScore sql = r.skills().get(0);
        assertThat(sql.score()).isCloseTo(1 - 0.4 * 0.1 / 3, within(EXACT));
        assertThat(sql.ceiling()).isEqualTo(1.0);
        assertThat(sql.evidence()).extracting(EvidenceContribution::quality)
                .containsExactly(0.6, 0.9, 2.0 / 3);
        assertThat(r.score()).isEqualTo(99);
        assertThat(r.band()).isEqualTo(Band.READY);
    }

    @Test
    void decayHalvesEvidenceAfterOneHalfLife() {
        // 365 days old on a 365-day half-life: d = 0.5; q = 0.6 · 0.5 · 1 = 0.3; R = 30.
        Readiness r = calculator.compute("p1", sqlOnly(false),
                List.of(evidence("e1", "sql", COURSE_COMPLETION, 3, AS_OF.minus(Duration.ofDays(365)))),
                taxonomy, AS_OF);

        assertThat(r.skills().get(0).evidence().get(0).decay()).isCloseTo(0.5, within(EXACT));
        assertThat(r.skills().get(0).score()).isCloseTo(0.3, within(EXACT));
        assertThat(r.score()).isEqualTo(30);
    }

    @Test
    void decayQuartersEvidenceAfterTwoHalfLives() {
        // 730 days old: d = 0.25; q = 0.6 · 0.25 = 0.15; R = 15.
        Readiness r = calculator.compute("p1", sqlOnly(false),
                List.of(evidence("e1", "sql", COURSE_COMPLETION, 3, AS_OF.minus(Duration.ofDays(730)))),
                taxonomy, AS_OF);

        assertThat(r.skills().get(0).evidence().get(0).decay()).isCloseTo(0.25, within(EXACT));
        assertThat(r.score()).isEqualTo(15);
    }

    @Test
    void evidenceOnASkillWithoutHalfLifeNeverFades() {
        Role role = new Role("r", "R", "t", 1, List.of(new SkillRequirement("python", 2, 1, false)));

        Readiness r = calculator.compute("p1", role,
                List.of(evidence("e1", "python", COURSE_COMPLETION, 2, AS_OF.minus(Duration.ofDays(3650)))),
                taxonomy, AS_OF);

        assertThat(r.skills().get(0).evidence().get(0).decay()).isEqualTo(1.0);
        assertThat(r.score()).isEqualTo(60);
    }

    @Test
    void evidenceDatedAfterAsOfCountsAsFreshNotStronger() {
        Readiness r = calculator.compute("p1", sqlOnly(false),
                List.of(evidence("e1", "sql", COURSE_COMPLETION, 3, AS_OF.plus(Duration.ofDays(30)))),
                taxonomy, AS_OF);

        assertThat(r.skills().get(0).evidence().get(0).decay()).isEqualTo(1.0);
        assertThat(r.score()).isEqualTo(60);
    }

    @Test
    void mustHaveSkillBelowMinimumCapsReadinessAt59AndNamesIt() {
        // sql (must-have, w 1, target 3): self-assessment L3, q = 0.2, S = 0.2 < 0.5 → blocks.
        // python (w 3, target 2): assessment L2, q = 1, S = 1.
        // uncapped R = round(100 · (1 · 0.2 + 3 · 1) / 4) = round(80) = 80; capped at 59.
        Role role = new Role("r", "R", "t", 1, List.of(
                new SkillRequirement("sql", 3, 1, true),
                new SkillRequirement("python", 2, 3, false)));

        Readiness r = calculator.compute("p1", role, List.of(
                evidence("s", "sql", SELF_ASSESSMENT, 3, AS_OF),
                evidence("a", "python", ASSESSMENT, 2, AS_OF)), taxonomy, AS_OF);

        assertThat(r.uncappedScore()).isEqualTo(80);
        assertThat(r.score()).isEqualTo(59);
        assertThat(r.blockingSkills()).containsExactly("sql");
        assertThat(r.band()).isEqualTo(Band.DEVELOPING);
    }

    @Test
    void mustHaveSkillAboveMinimumDoesNotBlock() {
        // sql (must-have): fresh course L3, S = 0.6 ≥ 0.5, so nothing caps the score.
        Role role = new Role("r", "R", "t", 1, List.of(
                new SkillRequirement("sql", 3, 1, true),
                new SkillRequirement("python", 2, 3, false)));

        Readiness r = calculator.compute("p1", role, List.of(
                evidence("c", "sql", COURSE_COMPLETION, 3, AS_OF),
                evidence("a", "python", ASSESSMENT, 2, AS_OF)), taxonomy, AS_OF);

        // R = round(100 · (0.6 + 3) / 4) = 90, nothing blocks.
        assertThat(r.score()).isEqualTo(90);
        assertThat(r.uncappedScore()).isEqualTo(90);
        assertThat(r.blockingSkills()).isEmpty();
    }

    @Test
    void evidenceAboveTheTargetCountsAsTheTargetNeverMore() {
        // Level 5 on a target-3 skill: levelFactor = min(1, 5/3) = 1; q = 0.6 · 1 = 0.6.
        Readiness r = calculator.compute("p1", sqlOnly(false),
                List.of(evidence("e1", "sql", COURSE_COMPLETION, 5, AS_OF)), taxonomy, AS_OF);

        EvidenceContribution c = r.skills().get(0).evidence().get(0);
        assertThat(c.levelFactor()).isEqualTo(1.0);
        assertThat(c.quality()).isCloseTo(0.6, within(EXACT));
        assertThat(r.skills().get(0).ceiling()).isEqualTo(1.0);
        assertThat(r.score()).isEqualTo(60);
    }

    @Test
    void tenBeginnerCoursesDoNotExceedTheCeiling() {
        // Each L1 course on a target-3 skill: levelFactor 1/3, q = 0.2; 1 − 0.8^10 = 0.8926,
        // but m = 1/3, so S = 1/3 and R = round(33.33) = 33.
        List<SkillEvidence> courses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            courses.add(evidence("c" + i, "sql", COURSE_COMPLETION, 1, AS_OF));
        }

        Readiness r = calculator.compute("p1", sqlOnly(false), courses, taxonomy, AS_OF);

        assertThat(r.skills().get(0).ceiling()).isCloseTo(1.0 / 3, within(EXACT));
        assertThat(r.skills().get(0).score()).isCloseTo(1.0 / 3, within(EXACT));
        assertThat(r.skills().get(0).evidence()).hasSize(10);
        assertThat(r.score()).isEqualTo(33);
    }

    @Test
    void weightsShareTheScoreAcrossSkills() {
        // sql w 2 (course L3: 0.6), python w 1 (nothing: 0), communication w 1 (assessment L3: 1).
        // R = round(100 · (2 · 0.6 + 0 + 1) / 4) = round(55) = 55.
        Role role = new Role("r", "R", "t", 1, List.of(
                new SkillRequirement("sql", 3, 2, false),
                new SkillRequirement("python", 2, 1, false),
                new SkillRequirement("communication", 3, 1, false)));

        Readiness r = calculator.compute("p1", role, List.of(
                evidence("c", "sql", COURSE_COMPLETION, 3, AS_OF),
                evidence("a", "communication", ASSESSMENT, 3, AS_OF)), taxonomy, AS_OF);

        assertThat(r.score()).isEqualTo(55);
        assertThat(r.skills()).extracting(SkillScore::skillId).containsExactly("sql", "python", "communication");
    }

    @Test
    void evidenceOnSkillsTheRoleDoesNotRequireIsIgnored() {
        Readiness r = calculator.compute("p1", sqlOnly(false), List.of(
                evidence("c", "sql", COURSE_COMPLETION, 3, AS_OF),
                evidence("x", "python", ASSESSMENT, 5, AS_OF)), taxonomy, AS_OF);

        assertThat(r.skills()).singleElement().extracting(SkillScore::skillId).isEqualTo("sql");
        assertThat(r.skills().get(0).evidence()).extracting(EvidenceContribution::evidenceId).containsExactly("c");
        assertThat(r.score()).isEqualTo(60);
    }

    @ParameterizedTest(name = "course confidence {0} gives {1}, {2}")
    @CsvSource({"0.59, 59, DEVELOPING", "0.60, 60, NEARLY", "0.79, 79, NEARLY", "0.80, 80, READY"})
    void bandsChangeAt60And80(double courseConfidence, int expectedScore, Band expectedBand) {
        // One fresh course at the target: R = round(100 · c(course)).
        ReadinessModel model = withConfidence(COURSE_COMPLETION, courseConfidence);

        Readiness r = new ReadinessCalculator(model).compute("p1", sqlOnly(false),
                List.of(evidence("c", "sql", COURSE_COMPLETION, 3, AS_OF)), taxonomy, AS_OF);

        assertThat(r.score()).isEqualTo(expectedScore);
        assertThat(r.band()).isEqualTo(expectedBand);
    }

    @Test
    void aChangedConfidenceChangesTheScore() {
        List<SkillEvidence> course = List.of(evidence("c", "sql", COURSE_COMPLETION, 3, AS_OF));

        int byDefault = calculator.compute("p1", sqlOnly(false), course, taxonomy, AS_OF).score();
        int configured = new ReadinessCalculator(withConfidence(COURSE_COMPLETION, 0.7))
                .compute("p1", sqlOnly(false), course, taxonomy, AS_OF).score();

        assertThat(byDefault).isEqualTo(60);
        assertThat(configured).isEqualTo(70);
    }

    @Test
    void theMustHaveMinimumAndCapAreConfigurable() {
        // Self-assessment L3 on the must-have: S = 0.2; uncapped 20 (sql is the only skill).
        List<SkillEvidence> self = List.of(evidence("s", "sql", SELF_ASSESSMENT, 3, AS_OF));
        ReadinessModel lenient = new ReadinessModel(Map.of(), 80, 60, 0.1, 59, 0.8);
        ReadinessModel strict = new ReadinessModel(Map.of(), 80, 60, 0.5, 10, 0.8);

        Readiness byLenient = new ReadinessCalculator(lenient).compute("p1", sqlOnly(true), self, taxonomy, AS_OF);
        Readiness byStrict = new ReadinessCalculator(strict).compute("p1", sqlOnly(true), self, taxonomy, AS_OF);

        assertThat(byLenient.blockingSkills()).isEmpty();
        assertThat(byLenient.score()).isEqualTo(20);
        assertThat(byStrict.blockingSkills()).containsExactly("sql");
        assertThat(byStrict.score()).isEqualTo(10);
        assertThat(byStrict.uncappedScore()).isEqualTo(20);
    }

    @Test
    void bandThresholdsAreConfigurable() {
        // One fresh course: R = 60; with "nearly" starting at 70 that is still developing.
        ReadinessModel model = new ReadinessModel(Map.of(), 90, 70, 0.5, 59, 0.8);

        Readiness r = new ReadinessCalculator(model).compute("p1", sqlOnly(false),
                List.of(evidence("c", "sql", COURSE_COMPLETION, 3, AS_OF)), taxonomy, AS_OF);

        assertThat(r.score()).isEqualTo(60);
        assertThat(r.band()).isEqualTo(Band.DEVELOPING);
    }

    @Test
    void indexedEvidenceScoresExactlyAsTheList() {
        Role role = new Role("r", "R", "t", 1, List.of(
                new SkillRequirement("sql", 3, 2, true),
                new SkillRequirement("python", 2, 1, false)));
        List<SkillEvidence> evidence = List.of(
                evidence("c", "sql", COURSE_COMPLETION, 2, AS_OF.minus(Duration.ofDays(100))),
                evidence("p", "sql", APPLIED_PROJECT, 3, AS_OF.minus(Duration.ofDays(10))),
                evidence("a", "python", ASSESSMENT, 1, AS_OF));

        Readiness fromList = calculator.compute("p1", role, evidence, taxonomy, AS_OF);
        Readiness fromIndex = calculator.compute("p1", role, PersonEvidence.index(evidence), taxonomy, AS_OF);

        assertThat(fromIndex).isEqualTo(fromList);
        assertThat(fromList.score()).isPositive();
    }

    @Test
    void aRoleWithoutRequirementsScoresZero() {
        Role empty = new Role("r", "R", "t", 1, List.of());

        Readiness r = calculator.compute("p1", empty,
                List.of(evidence("c", "sql", COURSE_COMPLETION, 3, AS_OF)), taxonomy, AS_OF);

        assertThat(r.score()).isZero();
        assertThat(r.skills()).isEmpty();
    }

    private static Role sqlOnly(boolean mustHave) {
        return new Role("data.analyst", "Data analyst", "data", 2,
                List.of(new SkillRequirement("sql", 3, 1, mustHave)));
    }

    private static SkillEvidence evidence(String id, String skill, EvidenceKind kind, int level, Instant at) {
        return new SkillEvidence(id, skill, kind, level, at);
    }

    private static ReadinessModel withConfidence(EvidenceKind kind, double confidence) {
        ReadinessModel d = ReadinessModel.defaults();
        return new ReadinessModel(Map.of(kind, confidence), d.readyThreshold(), d.nearlyThreshold(),
                d.mustHaveMinimum(), d.mustHaveCap(), d.gapThreshold());
    }
}
