package dev.waypoint.core.verification;

import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.SkillEvidence;
import dev.waypoint.core.taxonomy.Milestone;
import dev.waypoint.core.taxonomy.RoleBlueprint;
import dev.waypoint.core.verification.VerificationStatus.StepStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static dev.waypoint.core.evidence.EvidenceKind.APPLIED_PROJECT;
import static dev.waypoint.core.evidence.EvidenceKind.BADGE;
import static dev.waypoint.core.evidence.EvidenceKind.COURSE_COMPLETION;
import static dev.waypoint.core.evidence.EvidenceKind.MANAGER_ENDORSEMENT;
import static dev.waypoint.core.evidence.EvidenceKind.PEER_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

class SkillVerifierTest {

    private final SkillVerifier verifier = new SkillVerifier();

    @Test
    void allThreeStepsMetVerifiesTheSkillWhenTheLastStepWasFirstMet() {
        List<SkillEvidence> evidence = List.of(
                row("c2", "sql", COURSE_COMPLETION, 2, "2024-12-01"),
                row("c3", "sql", COURSE_COMPLETION, 3, "2025-01-10"),
                row("p", "sql", APPLIED_PROJECT, 3, "2025-03-01"),
                row("m1", "sql", MANAGER_ENDORSEMENT, 3, "2025-04-15"),
                row("m2", "sql", MANAGER_ENDORSEMENT, 3, "2025-05-01"));

        VerificationStatus status = verifier.verify("sql", 3, evidence, VerificationPolicy.DEFAULT);

        assertThat(status.verified()).isTrue();
        // Learning at ≥ 3 first met on 01-10 (the level 2 course does not count), project on 03-01,
        // endorsement first on 04-15: verified when the endorsement arrived.
        assertThat(status.verifiedAt()).isEqualTo(day("2025-04-15"));
        assertThat(status.steps()).extracting(StepStatus::step)
                .containsExactly("learning", "applied_project", "manager_endorsement");
        assertThat(status.steps().get(0).evidenceIds()).containsExactly("c3");
        assertThat(status.steps().get(0).metAt()).isEqualTo(day("2025-01-10"));
        assertThat(status.steps().get(2).evidenceIds()).containsExactly("m1", "m2");
    }

    @Test
    void learningBelowTheLevelLeavesTheSkillUnverified() {
        List<SkillEvidence> evidence = List.of(
                row("c3", "sql", COURSE_COMPLETION, 3, "2025-01-10"),
                row("p", "sql", APPLIED_PROJECT, 4, "2025-03-01"),
                row("m", "sql", MANAGER_ENDORSEMENT, 4, "2025-04-15"));

        VerificationStatus status = verifier.verify("sql", 4, evidence, VerificationPolicy.DEFAULT);

        assertThat(status.verified()).isFalse();
        assertThat(status.verifiedAt()).isNull();
        assertThat(status.steps()).extracting(StepStatus::met).containsExactly(false, true, true);
    }

    @Test
    void evidenceOnAnotherSkillMeetsNoStep() {
        List<SkillEvidence> evidence = List.of(
                row("c", "sql", COURSE_COMPLETION, 3, "2025-01-10"),
                row("p", "python", APPLIED_PROJECT, 3, "2025-03-01"),
                row("m", "sql", MANAGER_ENDORSEMENT, 3, "2025-04-15"));

        VerificationStatus status = verifier.verify("sql", 3, evidence, VerificationPolicy.DEFAULT);

        assertThat(status.verified()).isFalse();
        assertThat(status.steps().get(1).met()).isFalse();
    }

    @Test
    void aBlueprintPolicyMayAskForPeerReviewInsteadOfEndorsement() {
        VerificationPolicy peerReviewed = new VerificationPolicy(List.of(
                VerificationPolicy.LEARNING, VerificationPolicy.APPLIED_PROJECT,
                new VerificationStep("peer_review", EnumSet.of(PEER_REVIEW), false)));
        RoleBlueprint blueprint = new RoleBlueprint("b", "Analyst to engineer", "data.analyst", "data.engineer",
                List.of(new Milestone("m", "Peer review", PEER_REVIEW, List.of("sql"), List.of(), 90)),
                peerReviewed);
        List<SkillEvidence> evidence = List.of(
                row("c", "sql", COURSE_COMPLETION, 3, "2025-01-10"),
                row("p", "sql", APPLIED_PROJECT, 3, "2025-03-01"),
                row("r", "sql", PEER_REVIEW, 3, "2025-03-20"));

        VerificationStatus underBlueprint = verifier.verify("sql", 3, evidence, blueprint.verification());
        VerificationStatus underDefault = verifier.verify("sql", 3, evidence, VerificationPolicy.DEFAULT);

        assertThat(underBlueprint.verified()).isTrue();
        assertThat(underBlueprint.verifiedAt()).isEqualTo(day("2025-03-20"));
        assertThat(underDefault.verified()).isFalse();
    }

    @Test
    void anAssessedBadgeStandsInForTheCourse() {
        List<SkillEvidence> evidence = List.of(
                row("b", "sql", BADGE, 3, "2025-01-10"),
                row("p", "sql", APPLIED_PROJECT, 3, "2025-03-01"),
                row("m", "sql", MANAGER_ENDORSEMENT, 3, "2025-04-15"));

        assertThat(verifier.verify("sql", 3, evidence, VerificationPolicy.DEFAULT).verified()).isTrue();
    }

    @Test
    void verifiedSkillsReportsTheHighestVerifiedLevelOfEachSkill() {
        List<SkillEvidence> evidence = List.of(
                row("c", "sql", COURSE_COMPLETION, 2, "2024-10-01"),
                row("b", "sql", BADGE, 4, "2025-02-01"),
                row("p", "sql", APPLIED_PROJECT, 3, "2025-03-01"),
                row("m", "sql", MANAGER_ENDORSEMENT, 3, "2025-04-15"),
                row("py", "python", COURSE_COMPLETION, 3, "2025-01-01"));

        Map<String, VerificationStatus> verified = verifier.verifiedSkills(evidence, VerificationPolicy.DEFAULT);

        // sql: learning at 4 exists (the badge), so level 4 passes; python lacks project and endorsement.
        assertThat(verified).containsOnlyKeys("sql");
        assertThat(verified.get("sql").level()).isEqualTo(4);
        assertThat(verified.get("sql").verifiedAt()).isEqualTo(day("2025-04-15"));
    }

    @Test
    void aPolicyWithoutALevelBoundStepVerifiesNoHigherThanTheEvidenceShows() {
        VerificationPolicy endorsementOnly = new VerificationPolicy(List.of(VerificationPolicy.MANAGER_ENDORSEMENT));
        List<SkillEvidence> evidence = List.of(row("m", "sql", MANAGER_ENDORSEMENT, 2, "2025-04-15"));

        Map<String, VerificationStatus> verified = verifier.verifiedSkills(evidence, endorsementOnly);

        assertThat(verified.get("sql").level()).isEqualTo(2);
    }

    private static SkillEvidence row(String id, String skill, EvidenceKind kind, int level, String date) {
        return new SkillEvidence(id, skill, kind, level, day(date));
    }

    private static Instant day(String date) {
        return Instant.parse(date + "T09:00:00Z");
    }
}
