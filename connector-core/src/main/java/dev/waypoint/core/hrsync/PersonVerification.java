package dev.waypoint.core.hrsync;

import dev.waypoint.core.evidence.Evidence;
import dev.waypoint.core.evidence.SkillEvidence;
import dev.waypoint.core.taxonomy.RoleBlueprint;
import dev.waypoint.core.taxonomy.Skill;
import dev.waypoint.core.taxonomy.Taxonomy;
import dev.waypoint.core.verification.SkillVerifier;
import dev.waypoint.core.verification.VerificationPolicy;
import dev.waypoint.core.verification.VerificationStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The skills of one person that are verified today, as HR should see them.
 *
 * <p>Policy: the blueprint of the person's move (current role → first target role) sets the policy when
 * the taxonomy has one; otherwise {@link VerificationPolicy#DEFAULT}. One policy per person keeps what
 * HR receives independent of the order in which targets were chosen after the first.
 *
 * <p>Decay: on a skill with a half-life, each piece of evidence loses one level per full half-life of
 * age and stops counting at level 0. A skill verified at 3 on a year-old course with a 180-day
 * half-life is therefore re-verified at a lower level, or not at all, and HR is told so.
 */
public final class PersonVerification {

    private final SkillVerifier verifier = new SkillVerifier();
    private final Taxonomy taxonomy;
    private final Instant now;

    public PersonVerification(Taxonomy taxonomy, Instant now) {
        this.taxonomy = taxonomy;
        this.now = now;
    }

    public VerificationPolicy policyFor(String currentRoleId, String firstTargetRoleId) {
        if (currentRoleId == null || firstTargetRoleId == null) {
            return VerificationPolicy.DEFAULT;
        }
        return taxonomy.blueprint(currentRoleId, firstTargetRoleId)
                .map(RoleBlueprint::verification)
                .orElse(VerificationPolicy.DEFAULT);
    }

    /** Verified skills by skill id, in skill id order. */
    public Map<String, VerifiedSkill> verifiedSkills(Collection<Evidence> evidence, VerificationPolicy policy) {
        List<SkillEvidence> flat = decayed(SkillEvidence.flatten(evidence));
        Map<String, SkillEvidence> byId = new HashMap<>();
        for (SkillEvidence e : flat) {
            byId.putIfAbsent(e.evidenceId() + "|" + e.skillId(), e);
        }
        Map<String, VerifiedSkill> out = new TreeMap<>();
        for (VerificationStatus status : verifier.verifiedSkills(flat, policy).values()) {
            List<HrRecord.EvidenceSummary> summary = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            for (VerificationStatus.StepStatus step : status.steps()) {
                for (String id : step.evidenceIds()) {
                    SkillEvidence e = byId.get(id + "|" + status.skillId());
                    if (e != null && !seen.contains(id)) {
                        seen.add(id);
                        summary.add(new HrRecord.EvidenceSummary(e.kind().wireName(), e.level(), e.occurredAt()));
                    }
                }
            }
            summary.sort((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
            out.put(status.skillId(), new VerifiedSkill(status.skillId(), status.level(), status.verifiedAt(), summary));
        }
        return out;
    }

    private List<SkillEvidence> decayed(List<SkillEvidence> evidence) {
        List<SkillEvidence> out = new ArrayList<>(evidence.size());
        for (SkillEvidence e : evidence) {
            Optional<Skill> skill = taxonomy.skill(e.skillId());
            if (skill.isEmpty() || !skill.get().decays()) {
                out.add(e);
                continue;
            }
            double ageDays = Math.max(0, Duration.between(e.occurredAt(), now).toSeconds()) / 86_400.0;
            int lost = (int) Math.floor(ageDays / skill.get().halfLifeDays());
            int level = e.level() - lost;
            if (level >= Skill.MIN_LEVEL) {
                out.add(new SkillEvidence(e.evidenceId(), e.skillId(), e.kind(), level, e.occurredAt()));
            }
        }
        return out;
    }
}
