package dev.waypoint.core.pathing;

import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.readiness.Readiness.EvidenceContribution;
import dev.waypoint.core.readiness.ReadinessModel;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.SkillGrant;
import dev.waypoint.core.taxonomy.SkillRequirement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gap of one plan as steps close it. For every required skill below the gap threshold when the plan
 * starts it keeps what the readiness model needs to add one more piece of evidence without rescoring:
 * P = Π(1 − q) and the ceiling m, recovered from the readiness breakdown. Adding evidence of quality q at
 * level factor l gives P' = P(1 − q), m' = max(m, l), S' = min(m', 1 − P') — the same formula, fresh
 * evidence (no decay).
 */
final class GapLedger {

    private final ReadinessModel model;
    private final Map<String, Integer> index;
    private final String[] skillIds;
    private final double[] weights;
    private final double[] targets;
    private final double[] initial;
    private final double[] notShown;
    private final double[] ceiling;
    private final double[] score;

    private GapLedger(ReadinessModel model, Map<String, Integer> index, String[] skillIds, double[] weights,
                      double[] targets, double[] initial, double[] notShown, double[] ceiling, double[] score) {
        this.model = model;
        this.index = index;
        this.skillIds = skillIds;
        this.weights = weights;
        this.targets = targets;
        this.initial = initial;
        this.notShown = notShown;
        this.ceiling = ceiling;
        this.score = score;
    }

    static GapLedger of(Role role, Readiness readiness, ReadinessModel model) {
        Map<String, Readiness.SkillScore> breakdown = new HashMap<>();
        for (Readiness.SkillScore s : readiness.skills()) {
            breakdown.put(s.skillId(), s);
        }
        List<SkillRequirement> gap = new ArrayList<>();
        List<double[]> state = new ArrayList<>();
        for (SkillRequirement requirement : role.requirements()) {
            double p = 1;
            double m = 0;
            Readiness.SkillScore s = breakdown.get(requirement.skillId());
            if (s != null) {
                for (EvidenceContribution c : s.evidence()) {
                    p *= 1 - c.quality();
                    m = Math.max(m, c.levelFactor());
                }
            }
            double current = Math.min(m, 1 - p);
            if (current < model.gapThreshold()) {
                gap.add(requirement);
                state.add(new double[] {p, m, current});
            }
        }
        int n = gap.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        String[] ids = new String[n];
        double[] w = new double[n];
        double[] t = new double[n];
        double[] p = new double[n];
        double[] m = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            SkillRequirement requirement = gap.get(i);
            index.putIfAbsent(requirement.skillId(), i);
            ids[i] = requirement.skillId();
            w[i] = requirement.weight();
            t[i] = Math.max(1, requirement.targetLevel());
            p[i] = state.get(i)[0];
            m[i] = state.get(i)[1];
            s[i] = state.get(i)[2];
        }
        return new GapLedger(model, index, ids, w, t, s.clone(), p, m, s);
    }

    /** A ledger at the same point that can move on independently. */
    GapLedger copy() {
        return new GapLedger(model, index, skillIds, weights, targets, initial, notShown.clone(), ceiling.clone(),
                score.clone());
    }

    /** What completing something that grants these skills, as evidence of this kind, does to the gap. */
    SkillEffect[] effectsOf(List<SkillGrant> grants, EvidenceKind kind) {
        double confidence = model.confidenceOf(kind);
        List<SkillEffect> effects = new ArrayList<>(grants.size());
        for (SkillGrant grant : grants) {
            Integer i = index.get(grant.skillId());
            if (i == null) {
                continue;
            }
            double levelFactor = Math.max(0, Math.min(1, grant.level() / targets[i]));
            effects.add(new SkillEffect(i, 1 - confidence * levelFactor, levelFactor));
        }
        return merge(effects);
    }

    /** As {@link #effectsOf}, for evidence that shows each skill at its target (a milestone's). */
    SkillEffect[] effectsAtTarget(List<String> skillIds, EvidenceKind kind) {
        double confidence = model.confidenceOf(kind);
        List<SkillEffect> effects = new ArrayList<>(skillIds.size());
        for (String skillId : skillIds) {
            Integer i = index.get(skillId);
            if (i != null) {
                effects.add(new SkillEffect(i, 1 - confidence, 1));
            }
        }
        return merge(effects);
    }

    /**
     * The weighted gap a step would close now, counting only skills still below the threshold: a skill
     * that has reached it is covered, and pushing it further is not worth anyone's hours.
     */
    double gainOf(SkillEffect[] effects) {
        double gain = 0;
        double threshold = model.gapThreshold();
        for (SkillEffect e : effects) {
            int i = e.skill();
            double before = score[i];
            if (before < threshold) {
                gain += weights[i] * (after(i, e) - before);
            }
        }
        return gain;
    }

    /** True when every skill the step moves has already reached the threshold. */
    boolean allCovered(SkillEffect[] effects) {
        for (SkillEffect e : effects) {
            if (score[e.skill()] < model.gapThreshold()) {
                return false;
            }
        }
        return true;
    }

    /** Takes the step and says, for every gap skill it moves, from where to where. */
    List<GapClosure> apply(SkillEffect[] effects) {
        List<GapClosure> closes = new ArrayList<>(effects.length);
        for (SkillEffect e : effects) {
            int i = e.skill();
            double before = score[i];
            double after = after(i, e);
            notShown[i] *= e.notShown();
            ceiling[i] = Math.max(ceiling[i], e.levelFactor());
            score[i] = after;
            if (after > before) {
                closes.add(new GapClosure(skillIds[i], before, after, weights[i] * (after - before)));
            }
        }
        return closes;
    }

    /** The skills still below the threshold: from their score at the start to where the steps leave them. */
    List<GapClosure> remaining() {
        List<GapClosure> remaining = new ArrayList<>();
        for (int i = 0; i < skillIds.length; i++) {
            if (score[i] < model.gapThreshold()) {
                remaining.add(new GapClosure(skillIds[i], initial[i], score[i], weights[i] * (score[i] - initial[i])));
            }
        }
        return remaining;
    }

    private double after(int i, SkillEffect e) {
        return Math.min(Math.max(ceiling[i], e.levelFactor()), 1 - notShown[i] * e.notShown());
    }

    /** Folds two grants of one skill (two pieces of evidence) into one effect, so a step reports each skill once. */
    private static SkillEffect[] merge(List<SkillEffect> effects) {
        if (effects.size() < 2) {
            return effects.toArray(new SkillEffect[0]);
        }
        Map<Integer, SkillEffect> bySkill = new HashMap<>();
        for (SkillEffect e : effects) {
            bySkill.merge(e.skill(), e, (a, b) -> new SkillEffect(a.skill(), a.notShown() * b.notShown(),
                    Math.max(a.levelFactor(), b.levelFactor())));
        }
        SkillEffect[] merged = bySkill.values().toArray(new SkillEffect[0]);
        Arrays.sort(merged, (a, b) -> Integer.compare(a.skill(), b.skill()));
        return merged;
    }
}
