package dev.waypoint.core.readiness;

import dev.waypoint.core.evidence.SkillEvidence;
import dev.waypoint.core.readiness.Readiness.EvidenceContribution;
import dev.waypoint.core.readiness.Readiness.SkillScore;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.Skill;
import dev.waypoint.core.taxonomy.SkillRequirement;
import dev.waypoint.core.taxonomy.Taxonomy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores how ready a person is for a role, with DESIGN.md's default model:
 * q_e = c(kind) · d(age) · min(1, level / target); S_s = min(m_s, 1 − Π(1 − q_e)) with
 * m_s = max_e min(1, level / target); R = round(100 · Σ w_s S_s / Σ w_s), capped when a must-have skill
 * falls short. Every result carries its full breakdown so that any number can be explained.
 *
 * <p>Stateless and thread-safe; one instance serves a whole bulk recompute.
 */
public final class ReadinessCalculator {

    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private final ReadinessModel model;

    public ReadinessCalculator(ReadinessModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    public ReadinessModel model() {
        return model;
    }

    public Readiness compute(String personId, Role role, List<SkillEvidence> evidence, Taxonomy taxonomy,
                             Instant asOf) {
        return compute(personId, role, PersonEvidence.index(evidence), taxonomy, asOf);
    }

    /**
     * The same score from evidence already grouped by skill: index a person once, then score every role.
     * A role without requirements scores 0: there is nothing to show readiness for.
     */
    public Readiness compute(String personId, Role role, PersonEvidence evidence, Taxonomy taxonomy,
                             Instant asOf) {
        long asOfMillis = asOf.toEpochMilli();
        List<SkillRequirement> requirements = role.requirements();
        List<SkillScore> scores = new ArrayList<>(requirements.size());
        List<String> blocking = new ArrayList<>(0);
        double weighted = 0;
        double totalWeight = 0;
        for (SkillRequirement requirement : requirements) {
            Skill skill = taxonomy.skills().get(requirement.skillId());
            SkillScore score = scoreSkill(requirement, skill, evidence.rowsOn(requirement.skillId()), asOfMillis);
            scores.add(score);
            weighted += requirement.weight() * score.score();
            totalWeight += requirement.weight();
            if (requirement.mustHave() && score.score() < model.mustHaveMinimum()) {
                blocking.add(requirement.skillId());
            }
        }
        int uncapped = totalWeight > 0 ? (int) Math.round(100 * weighted / totalWeight) : 0;
        int score = blocking.isEmpty() ? uncapped : Math.min(uncapped, model.mustHaveCap());
        return new Readiness(personId, role.id(), score, uncapped, model.band(score), blocking, scores, asOf,
                taxonomy.version());
    }

    private SkillScore scoreSkill(SkillRequirement requirement, Skill skill, SkillEvidence[] rows, long asOfMillis) {
        // A target below 1 would divide by zero or reward any evidence without bound; level 1 is the floor.
        double target = Math.max(1, requirement.targetLevel());
        double halfLife = skill != null && skill.decays() ? skill.halfLifeDays() : 0;
        double notShown = 1;
        double ceiling = 0;
        List<EvidenceContribution> contributions = rows.length == 0 ? List.of() : new ArrayList<>(rows.length);
        for (SkillEvidence e : rows) {
            double confidence = model.confidenceOf(e.kind());
            double decay = decay(e.occurredAt(), asOfMillis, halfLife);
            double levelFactor = Math.max(0, Math.min(1, e.level() / target));
            double quality = confidence * decay * levelFactor;
            notShown *= 1 - quality;
            ceiling = Math.max(ceiling, levelFactor);
            contributions.add(new EvidenceContribution(e.evidenceId(), e.kind().wireName(), e.level(),
                    e.occurredAt(), confidence, decay, levelFactor, quality));
        }
        double score = Math.min(ceiling, 1 - notShown);
        return new SkillScore(requirement.skillId(), requirement.targetLevel(), requirement.weight(),
                requirement.mustHave(), score, ceiling, contributions);
    }

    /** 0.5^(age / halfLife); evidence dated after asOf is as fresh as it gets, never stronger. */
    private static double decay(Instant occurredAt, long asOfMillis, double halfLifeDays) {
        if (halfLifeDays <= 0) {
            return 1;
        }
        double ageDays = Math.max(0, asOfMillis - occurredAt.toEpochMilli()) / MILLIS_PER_DAY;
        return ageDays == 0 ? 1 : Math.pow(0.5, ageDays / halfLifeDays);
    }
}
