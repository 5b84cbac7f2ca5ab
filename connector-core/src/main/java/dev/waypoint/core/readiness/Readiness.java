package dev.waypoint.core.readiness;

import java.time.Instant;
import java.util.List;

/**
 * A readiness score of one person for one role, with everything needed to explain it: the per-skill
 * breakdown and, where a must-have skill capped the score, the skills that block.
 *
 * @param uncappedScore the score before the must-have cap (equal to {@code score} when nothing blocks)
 */
public record Readiness(String personId, String roleId, int score, int uncappedScore, Band band,
                        List<String> blockingSkills, List<SkillScore> skills, Instant asOf,
                        String taxonomyVersion) {

    public Readiness {
        blockingSkills = List.copyOf(blockingSkills);
        skills = List.copyOf(skills);
    }

    /**
     * One skill of the breakdown: S_s = min(ceiling, 1 − Π(1 − q_e)).
     *
     * @param ceiling m_s, the highest single level shown relative to the target
     */
    public record SkillScore(String skillId, int targetLevel, double weight, boolean mustHave, double score,
                             double ceiling, List<EvidenceContribution> evidence) {
        public SkillScore {
            evidence = List.copyOf(evidence);
        }
    }

    /** How much one piece of evidence counted: q = confidence · decay · levelFactor. */
    public record EvidenceContribution(String evidenceId, String kind, int level, Instant occurredAt,
                                       double confidence, double decay, double levelFactor, double quality) {
    }
}
