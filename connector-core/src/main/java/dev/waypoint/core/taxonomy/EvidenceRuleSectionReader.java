package dev.waypoint.core.taxonomy;

import dev.waypoint.core.evidence.EvidenceKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code evidence_rules} section: which LMS signal (a kind of evidence on an LMS object, or on
 * any object with "*", optionally with a pass mark) grants which skills at which level.
 */
final class EvidenceRuleSectionReader {

    static final String SECTION = "evidence_rules";
    static final List<String> FIELDS = List.of("id", "description", "kind", "object", "min_score", "grants");

    private final IdIndex index;
    private final SkillLevelsReader skillLevels;

    EvidenceRuleSectionReader(IdIndex index) {
        this.index = index;
        this.skillLevels = new SkillLevelsReader(index);
    }

    List<EvidenceRule> read(YamlValue section) {
        List<EvidenceRule> rules = new ArrayList<>();
        for (SectionEntries.Entry entry : SectionEntries.of(section, SECTION)) {
            YamlObject fields = entry.fields();
            fields.allowOnly(FIELDS);
            YamlValue kindValue = fields.required("kind");
            EvidenceKind kind = kindValue == null ? null : EvidenceKinds.read(kindValue);
            String object = object(fields);
            Double minScore = minScore(fields);
            List<SkillGrant> grants = skillLevels.grants(fields.requiredItems("grants"));
            if (entry.id() == null) {
                continue;
            }
            index.define(IdIndex.Kind.RULE, entry.id(), entry.idPlace());
            rules.add(new EvidenceRule(entry.id(), kind, object == null ? EvidenceRule.ANY_OBJECT : object,
                    minScore, grants));
        }
        return rules;
    }

    private static String object(YamlObject fields) {
        YamlValue value = fields.required("object");
        String object = value == null ? null : value.text();
        if (object != null && !EvidenceRule.ANY_OBJECT.equals(object)) {
            LmsRefs.check(value, object);
        }
        return object;
    }

    private static Double minScore(YamlObject fields) {
        Double score = fields.number("min_score");
        if (score != null && (score < 0 || score > 1)) {
            fields.field("min_score").ifPresent(value -> value.problem(
                    "min_score is a share of the maximum score, from 0 to 1 (0.7 for 70%), found " + value.text()));
            return null;
        }
        return score;
    }
}
