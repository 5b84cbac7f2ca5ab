package dev.waypoint.core.evidence;

import dev.waypoint.core.taxonomy.EvidenceRule;
import dev.waypoint.core.taxonomy.LearningAsset;
import dev.waypoint.core.taxonomy.Skill;
import dev.waypoint.core.taxonomy.SkillGrant;
import dev.waypoint.core.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what a source saw into evidence: the skills and levels a signal grants come from the signal
 * itself (an endorsement names its skills), from the learning asset its object is (completing SQLF101
 * grants what SQLF101 teaches), and from every evidence rule it matches. Where several say something
 * about the same skill, the highest level wins.
 *
 * <p>A signal about an object the taxonomy does not know is answered as {@link Mapping.Unmapped} with
 * the reason, so the pipeline can dead-letter it until an admin maps the object and replays it, instead
 * of storing a fact that silently counts for nothing. A signal about a known object that does not pass
 * (an assessment scored below the pass mark, a rule's min_score not reached) is a fact that grants
 * nothing: kept, never counted as skill, and no dead letter — a failed exam shows no skill, but it is
 * not a mapping an admin has to fix.
 */
public final class EvidenceMapper {

    /** Below this scaled score an assessment of an asset's object does not grant what the asset teaches. */
    public static final double DEFAULT_PASS_MARK = 0.5;

    private final double passMark;

    public EvidenceMapper() {
        this(DEFAULT_PASS_MARK);
    }

    public EvidenceMapper(double passMark) {
        this.passMark = passMark;
    }

    /** The outcome of mapping one signal. */
    public sealed interface Mapping permits Mapping.Mapped, Mapping.Unmapped {
        record Mapped(List<SkillGrant> grants) implements Mapping {
        }

        record Unmapped(String reason) implements Mapping {
        }
    }

    public Mapping map(LearningSignal signal, Taxonomy taxonomy) {
        if (signal.kind() == EvidenceKind.REVOCATION) {
            if (signal.revokes() == null || signal.revokes().isBlank()) {
                return new Mapping.Unmapped("a revocation must name the natural key of the evidence it revokes");
            }
            return new Mapping.Mapped(List.of());
        }
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (SkillGrant grant : signal.grants()) {
            Skill skill = taxonomy.skills().get(grant.skillId());
            if (skill == null) {
                return new Mapping.Unmapped("unknown skill '" + grant.skillId() + "' in taxonomy " + taxonomy.version());
            }
            if (!Skill.isValidLevel(grant.level())) {
                return new Mapping.Unmapped("level " + grant.level() + " of skill '" + grant.skillId()
                        + "' is outside " + Skill.MIN_LEVEL + "–" + Skill.MAX_LEVEL);
            }
            levels.merge(grant.skillId(), grant.level(), Math::max);
        }
        boolean knownObject = false;
        if (signal.objectRef() != null) {
            LearningAsset asset = taxonomy.assetByLmsRef(signal.objectRef())
                    .filter(a -> grantsOnThisKind(a, signal.kind()))
                    .orElse(null);
            if (asset != null) {
                knownObject = true;
                if (passes(signal)) {
                    asset.teaches().forEach(g -> levels.merge(g.skillId(), g.level(), Math::max));
                }
            }
            for (EvidenceRule rule : taxonomy.rules()) {
                knownObject |= rule.appliesTo(signal.kind(), signal.objectRef());
                if (rule.matches(signal.kind(), signal.objectRef(), signal.scoreScaled())) {
                    rule.grants().forEach(g -> levels.merge(g.skillId(), g.level(), Math::max));
                }
            }
        }
        if (levels.isEmpty() && knownObject) {
            return new Mapping.Mapped(List.of());
        }
        if (levels.isEmpty()) {
            return new Mapping.Unmapped(signal.objectRef() == null
                    ? "the " + signal.kind() + " names no skill and no LMS object"
                    : "no learning asset or evidence rule of taxonomy " + taxonomy.version() + " maps "
                    + signal.kind() + " of '" + signal.objectRef() + "'"
                    + (signal.scoreScaled() == null ? "" : " with score " + signal.scoreScaled()));
        }
        List<SkillGrant> grants = new ArrayList<>();
        levels.forEach((skill, level) -> grants.add(new SkillGrant(skill, level)));
        return new Mapping.Mapped(grants);
    }

    /** A scored assessment or certification passes at the pass mark; everything else has no mark to pass. */
    private boolean passes(LearningSignal signal) {
        boolean scored = signal.kind() == EvidenceKind.ASSESSMENT || signal.kind() == EvidenceKind.CERTIFICATION;
        return !scored || signal.scoreScaled() == null || signal.scoreScaled() >= passMark;
    }

    /**
     * An asset grants its skills on its own completion kind; an assessment or certification on the
     * same object counts too (passing a course's final exam shows what the course teaches).
     */
    private static boolean grantsOnThisKind(LearningAsset asset, EvidenceKind kind) {
        return kind == asset.completionKind() || kind == EvidenceKind.ASSESSMENT || kind == EvidenceKind.CERTIFICATION;
    }
}
