package dev.waypoint.core.verification;

import dev.waypoint.core.evidence.EvidenceKind;

import java.util.EnumSet;
import java.util.List;

/**
 * The steps a skill must pass to count as verified, in order. The default is the three-step validation:
 * learning evidence at or above the level (an assessed badge, an assessment or a certification stands
 * in for a course), an applied project, a manager endorsement. A blueprint may set its own (for example
 * peer review in place of the endorsement).
 */
public record VerificationPolicy(List<VerificationStep> steps) {

    public static final VerificationStep LEARNING = new VerificationStep("learning",
            EnumSet.of(EvidenceKind.COURSE_COMPLETION, EvidenceKind.ACTIVITY_COMPLETION, EvidenceKind.BADGE,
                    EvidenceKind.ASSESSMENT, EvidenceKind.CERTIFICATION), true);
    public static final VerificationStep APPLIED_PROJECT = new VerificationStep("applied_project",
            EnumSet.of(EvidenceKind.APPLIED_PROJECT), false);
    public static final VerificationStep MANAGER_ENDORSEMENT = new VerificationStep("manager_endorsement",
            EnumSet.of(EvidenceKind.MANAGER_ENDORSEMENT), false);

    public static final VerificationPolicy DEFAULT =
            new VerificationPolicy(List.of(LEARNING, APPLIED_PROJECT, MANAGER_ENDORSEMENT));

    public VerificationPolicy {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a verification policy needs at least one step");
        }
    }
}
