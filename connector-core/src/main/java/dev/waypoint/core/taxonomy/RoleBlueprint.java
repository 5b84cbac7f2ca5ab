package dev.waypoint.core.taxonomy;

import dev.waypoint.core.verification.VerificationPolicy;

import java.util.List;

/**
 * How people move from one role to another: ordered milestones and the verification policy that says
 * when a skill counts as verified on this move.
 */
public record RoleBlueprint(String id, String name, String fromRoleId, String toRoleId,
                            List<Milestone> milestones, VerificationPolicy verification) {

    public RoleBlueprint {
        milestones = List.copyOf(milestones);
        verification = verification == null ? VerificationPolicy.DEFAULT : verification;
    }
}
