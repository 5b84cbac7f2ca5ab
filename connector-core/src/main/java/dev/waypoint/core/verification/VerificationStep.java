package dev.waypoint.core.verification;

import dev.waypoint.core.evidence.EvidenceKind;

import java.util.Set;

/**
 * One step of a verification policy: the evidence kinds that satisfy it and whether the evidence must
 * show at least the level being verified (true for learning, where a level 2 course cannot verify level 4;
 * false for a project or an endorsement, which attest to the skill as the person has it).
 */
public record VerificationStep(String name, Set<EvidenceKind> acceptedKinds, boolean levelMustMeetTarget) {

    public VerificationStep {
        acceptedKinds = Set.copyOf(acceptedKinds);
    }
}
