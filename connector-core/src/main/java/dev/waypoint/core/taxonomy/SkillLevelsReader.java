package dev.waypoint.core.taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the two ways a taxonomy names a skill at a level: a role's requirement
 * ({@code {skill, level, weight, must_have}}) and what an asset teaches or a rule grants
 * ({@code {skill, level}}). Every skill id read here is recorded as a reference to check later.
 */
final class SkillLevelsReader {

    static final List<String> REQUIREMENT_FIELDS = List.of("skill", "level", "weight", "must_have");
    static final List<String> GRANT_FIELDS = List.of("skill", "level");
    static final double DEFAULT_WEIGHT = 1.0;

    private final IdIndex index;

    SkillLevelsReader(IdIndex index) {
        this.index = index;
    }

    /** A list of requirements; the same skill twice in one list is a slip and is reported. */
    List<SkillRequirement> requirements(List<YamlValue> items) {
        List<SkillRequirement> requirements = new ArrayList<>();
        Map<String, Integer> seenAtLine = new HashMap<>();
        for (YamlValue item : items) {
            YamlObject fields = item.object();
            if (fields == null) {
                continue;
            }
            fields.allowOnly(REQUIREMENT_FIELDS);
            String skill = skillId(fields);
            Integer level = level(fields);
            Double weight = fields.number("weight");
            if (weight != null && weight <= 0) {
                fields.field("weight").ifPresent(value -> value.problem(
                        "weight must be more than 0, found " + value.text()
                                + "; leave a skill out rather than weigh it at nothing"));
            }
            boolean mustHave = fields.bool("must_have", false);
            if (skill == null) {
                continue;
            }
            Integer earlier = seenAtLine.putIfAbsent(skill, fields.place().line());
            if (earlier != null) {
                fields.problem("skill '" + skill + "' is already required in this list (line " + earlier + ")");
            }
            requirements.add(new SkillRequirement(skill, level == null ? Skill.MIN_LEVEL : level,
                    weight == null ? DEFAULT_WEIGHT : weight, mustHave));
        }
        return requirements;
    }

    /** A list of skills at levels, as taught by an asset or granted by a rule. */
    List<SkillGrant> grants(List<YamlValue> items) {
        List<SkillGrant> grants = new ArrayList<>();
        for (YamlValue item : items) {
            YamlObject fields = item.object();
            if (fields == null) {
                continue;
            }
            fields.allowOnly(GRANT_FIELDS);
            String skill = skillId(fields);
            Integer level = level(fields);
            if (skill != null) {
                grants.add(new SkillGrant(skill, level == null ? Skill.MIN_LEVEL : level));
            }
        }
        return grants;
    }

    /** A plain list of skill ids (a milestone's skills), each recorded as a reference. */
    List<String> skillIds(List<YamlValue> items) {
        List<String> ids = new ArrayList<>();
        for (YamlValue item : items) {
            String id = item.text();
            if (id != null) {
                index.refer(IdIndex.Kind.SKILL, id, item.place());
                ids.add(id);
            }
        }
        return ids;
    }

    /** A level from 1 to 5; anything else is reported. */
    static Integer checkedLevel(YamlValue value) {
        Integer level = value.wholeNumber();
        if (level != null && !Skill.isValidLevel(level)) {
            value.problem("level must be from " + Skill.MIN_LEVEL + " to " + Skill.MAX_LEVEL + ", found " + level);
            return null;
        }
        return level;
    }

    private String skillId(YamlObject fields) {
        YamlValue value = fields.required("skill");
        String id = value == null ? null : value.text();
        if (id != null) {
            index.refer(IdIndex.Kind.SKILL, id, value.place());
        }
        return id;
    }

    private static Integer level(YamlObject fields) {
        YamlValue value = fields.required("level");
        return value == null ? null : checkedLevel(value);
    }
}
