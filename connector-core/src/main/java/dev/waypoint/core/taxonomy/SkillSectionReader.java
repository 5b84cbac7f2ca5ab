package dev.waypoint.core.taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code skills} section: each skill's name, its family (or that it is cross-functional),
 * how fast its evidence ages and what each level means.
 */
final class SkillSectionReader {

    static final String SECTION = "skills";
    static final List<String> FIELDS = List.of(
            "id", "name", "description", "family", "cross_functional", "half_life_days", "levels");

    private final IdIndex index;

    SkillSectionReader(IdIndex index) {
        this.index = index;
    }

    List<Skill> read(YamlValue section) {
        List<Skill> skills = new ArrayList<>();
        for (SectionEntries.Entry entry : SectionEntries.of(section, SECTION)) {
            YamlObject fields = entry.fields();
            fields.allowOnly(FIELDS);
            String name = fields.requiredText("name");
            String family = fields.text("family");
            boolean crossFunctional = fields.bool("cross_functional", false);
            if (crossFunctional && family != null) {
                fields.problem("a skill is either in a family or cross-functional; remove 'family' or 'cross_functional'");
            } else if (!crossFunctional && family == null && !fields.has("family")) {
                fields.problem("'family' is missing: give the skill a family, or mark it 'cross_functional: true'");
            }
            Double halfLife = halfLife(fields);
            Map<Integer, String> levels = levelDescriptions(fields);
            if (entry.id() == null) {
                continue;
            }
            index.define(IdIndex.Kind.SKILL, entry.id(), entry.idPlace());
            skills.add(new Skill(entry.id(), name == null ? entry.id() : name,
                    crossFunctional ? null : family, crossFunctional, halfLife, levels));
        }
        return skills;
    }

    private static Double halfLife(YamlObject fields) {
        Double days = fields.number("half_life_days");
        if (days != null && days <= 0) {
            fields.field("half_life_days").ifPresent(value -> value.problem(
                    "half-life must be more than 0 days, found " + value.text()
                            + "; leave 'half_life_days' out for a skill that does not fade"));
            return null;
        }
        return days;
    }

    private static Map<Integer, String> levelDescriptions(YamlObject fields) {
        Map<Integer, String> levels = new LinkedHashMap<>();
        YamlValue value = fields.field("levels").orElse(null);
        if (value == null) {
            return levels;
        }
        YamlObject byLevel = value.object();
        if (byLevel == null) {
            return levels;
        }
        for (YamlObject.Field field : byLevel.fields()) {
            Integer level = SkillLevelsReader.checkedLevel(field.key());
            String text = field.value().isNull() ? "" : field.value().text();
            if (level != null && text != null) {
                levels.put(level, text);
            }
        }
        return levels;
    }
}
