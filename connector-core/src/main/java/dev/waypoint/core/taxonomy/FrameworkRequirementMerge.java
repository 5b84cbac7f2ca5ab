package dev.waypoint.core.taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the competency frameworks into the requirements of the roles they are attached to, so that
 * readiness and paths see one list per role. A skill asked for twice (by the role and a framework, or
 * by two competencies) is asked for once, at the stricter of the two: the higher target, the higher
 * weight, and must-have when either says so.
 */
final class FrameworkRequirementMerge {

    private FrameworkRequirementMerge() {
    }

    static List<Role> apply(List<Role> roles, List<CompetencyFramework> frameworks) {
        List<Role> merged = new ArrayList<>();
        for (Role role : roles) {
            Map<String, SkillRequirement> bySkill = new LinkedHashMap<>();
            role.requirements().forEach(requirement -> add(bySkill, requirement));
            for (CompetencyFramework framework : frameworks) {
                if (role.id().equals(framework.roleId())) {
                    framework.competencies().forEach(competency -> competency.requirements()
                            .forEach(requirement -> add(bySkill, requirement)));
                }
            }
            merged.add(new Role(role.id(), role.name(), role.trackId(), role.rank(), List.copyOf(bySkill.values())));
        }
        return merged;
    }

    private static void add(Map<String, SkillRequirement> bySkill, SkillRequirement requirement) {
        bySkill.merge(requirement.skillId(), requirement, (a, b) -> new SkillRequirement(a.skillId(),
                Math.max(a.targetLevel(), b.targetLevel()), Math.max(a.weight(), b.weight()),
                a.mustHave() || b.mustHave()));
    }
}
