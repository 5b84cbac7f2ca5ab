package dev.waypoint.core.taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code competency_frameworks} section: a framework belongs to one role and groups that
 * role's skill requirements into competencies (for example "Senior Engineer": technical excellence,
 * communication, impact).
 */
final class FrameworkSectionReader {

    static final String SECTION = "competency_frameworks";
    static final List<String> FIELDS = List.of("id", "name", "description", "role", "competencies");
    static final List<String> COMPETENCY_FIELDS = List.of("id", "name", "description", "requires");

    private final IdIndex index;
    private final SkillLevelsReader skillLevels;

    FrameworkSectionReader(IdIndex index) {
        this.index = index;
        this.skillLevels = new SkillLevelsReader(index);
    }

    List<CompetencyFramework> read(YamlValue section) {
        List<CompetencyFramework> frameworks = new ArrayList<>();
        for (SectionEntries.Entry entry : SectionEntries.of(section, SECTION)) {
            YamlObject fields = entry.fields();
            fields.allowOnly(FIELDS);
            String name = fields.requiredText("name");
            YamlValue roleValue = fields.required("role");
            String roleId = roleValue == null ? null : roleValue.text();
            if (roleId != null) {
                index.refer(IdIndex.Kind.ROLE, roleId, roleValue.place());
            }
            List<CompetencyFramework.Competency> competencies = competencies(fields.requiredItems("competencies"));
            if (entry.id() == null) {
                continue;
            }
            index.define(IdIndex.Kind.FRAMEWORK, entry.id(), entry.idPlace());
            frameworks.add(new CompetencyFramework(entry.id(), name == null ? entry.id() : name, roleId, competencies));
        }
        return frameworks;
    }

    private List<CompetencyFramework.Competency> competencies(List<YamlValue> items) {
        List<CompetencyFramework.Competency> competencies = new ArrayList<>();
        Map<String, Integer> seenAtLine = new HashMap<>();
        for (YamlValue item : items) {
            YamlObject fields = item.object();
            if (fields == null) {
                continue;
            }
            fields.allowOnly(COMPETENCY_FIELDS);
            YamlValue idValue = fields.required("id");
            String id = idValue == null ? null : idValue.text();
            String name = fields.requiredText("name");
            String description = fields.text("description");
            List<SkillRequirement> requirements = skillLevels.requirements(fields.requiredItems("requires"));
            if (id == null) {
                continue;
            }
            Integer earlier = seenAtLine.putIfAbsent(id, idValue.place().line());
            if (earlier != null) {
                idValue.problem("duplicate competency id '" + id + "' in this framework (first at line " + earlier + ")");
            }
            competencies.add(new CompetencyFramework.Competency(id, name == null ? id : name, description, requirements));
        }
        return competencies;
    }
}
