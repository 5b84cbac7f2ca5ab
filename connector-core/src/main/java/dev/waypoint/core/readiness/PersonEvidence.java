package dev.waypoint.core.readiness;

import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.SkillEvidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One person's evidence grouped by skill. A bulk recompute scores every person against many roles;
 * grouping once per person turns each role's score into a walk over the role's own requirements
 * instead of a scan of all the person's evidence per requirement.
 */
public final class PersonEvidence {

    private static final SkillEvidence[] NONE = new SkillEvidence[0];

    private final Map<String, SkillEvidence[]> bySkill;
    private final int size;

    private PersonEvidence(Map<String, SkillEvidence[]> bySkill, int size) {
        this.bySkill = bySkill;
        this.size = size;
    }

    /** Groups the evidence by skill, keeping the order given; revocations grant nothing and are left out. */
    public static PersonEvidence index(List<SkillEvidence> evidence) {
        Map<String, List<SkillEvidence>> grouped = new HashMap<>();
        int size = 0;
        for (SkillEvidence e : evidence) {
            if (e.kind() == EvidenceKind.REVOCATION) {
                continue;
            }
            grouped.computeIfAbsent(e.skillId(), k -> new ArrayList<>(2)).add(e);
            size++;
        }
        Map<String, SkillEvidence[]> bySkill = new HashMap<>(grouped.size() * 2);
        grouped.forEach((skill, rows) -> bySkill.put(skill, rows.toArray(NONE)));
        return new PersonEvidence(bySkill, size);
    }

    /** The evidence on one skill, in the order it was given. */
    public List<SkillEvidence> onSkill(String skillId) {
        return List.of(rowsOn(skillId));
    }

    /** How many evidence rows were indexed. */
    public int size() {
        return size;
    }

    SkillEvidence[] rowsOn(String skillId) {
        return bySkill.getOrDefault(skillId, NONE);
    }
}
