package dev.waypoint.core.verification;

import dev.waypoint.core.evidence.SkillEvidence;
import dev.waypoint.core.taxonomy.Skill;
import dev.waypoint.core.verification.VerificationStatus.StepStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides whether a person's skill is verified at a level under a verification policy (by default
 * learning → applied project → manager endorsement). Only verified skills go to HR, so this is the
 * single place that says what "verified" means.
 *
 * <p>A step is met by any evidence of an accepted kind on the skill; a step that must meet the target
 * also needs that evidence at or above the level. The skill is verified when every step is met, and
 * it became verified when the last missing step was first met.
 */
public final class SkillVerifier {

    public VerificationStatus verify(String skillId, int level, List<SkillEvidence> evidence,
                                     VerificationPolicy policy) {
        List<StepStatus> steps = new ArrayList<>(policy.steps().size());
        boolean verified = true;
        Instant verifiedAt = null;
        for (VerificationStep step : policy.steps()) {
            StepStatus status = stepStatus(step, skillId, level, evidence);
            steps.add(status);
            if (!status.met()) {
                verified = false;
            } else if (verifiedAt == null || status.metAt().isAfter(verifiedAt)) {
                verifiedAt = status.metAt();
            }
        }
        return new VerificationStatus(skillId, level, steps, verified, verified ? verifiedAt : null);
    }

    /**
     * For every skill with evidence, the highest level at which it is verified; skills verified at no
     * level are left out. The level is never above the highest level the policy's evidence shows on the
     * skill: a policy without a level-bound step would otherwise verify everything at level 5.
     */
    public Map<String, VerificationStatus> verifiedSkills(List<SkillEvidence> evidence, VerificationPolicy policy) {
        Map<String, List<SkillEvidence>> bySkill = new TreeMap<>();
        for (SkillEvidence e : evidence) {
            bySkill.computeIfAbsent(e.skillId(), k -> new ArrayList<>()).add(e);
        }
        Map<String, VerificationStatus> verified = new LinkedHashMap<>();
        bySkill.forEach((skillId, rows) -> {
            int highestShown = Math.min(Skill.MAX_LEVEL, highestAcceptedLevel(rows, policy));
            for (int level = highestShown; level >= Skill.MIN_LEVEL; level--) {
                VerificationStatus status = verify(skillId, level, rows, policy);
                if (status.verified()) {
                    verified.put(skillId, status);
                    return;
                }
            }
        });
        return verified;
    }

    private static StepStatus stepStatus(VerificationStep step, String skillId, int level,
                                         List<SkillEvidence> evidence) {
        List<String> ids = new ArrayList<>();
        Instant earliest = null;
        for (SkillEvidence e : evidence) {
            if (!e.skillId().equals(skillId) || !step.acceptedKinds().contains(e.kind())) {
                continue;
            }
            if (step.levelMustMeetTarget() && e.level() < level) {
                continue;
            }
            if (!ids.contains(e.evidenceId())) {
                ids.add(e.evidenceId());
            }
            if (earliest == null || e.occurredAt().isBefore(earliest)) {
                earliest = e.occurredAt();
            }
        }
        return new StepStatus(step.name(), earliest != null, ids, earliest);
    }

    private static int highestAcceptedLevel(List<SkillEvidence> rows, VerificationPolicy policy) {
        int highest = 0;
        for (SkillEvidence e : rows) {
            for (VerificationStep step : policy.steps()) {
                if (step.acceptedKinds().contains(e.kind())) {
                    highest = Math.max(highest, e.level());
                    break;
                }
            }
        }
        return highest;
    }
}
