package dev.waypoint.core.taxonomy;

import java.util.List;

/**
 * A role competency framework (for example "Senior Engineer": technical excellence, communication,
 * impact). Each competency groups skill requirements; the loader merges them into the role's
 * requirements so that readiness sees one list, while screens can still group skills by competency.
 */
public record CompetencyFramework(String id, String name, String roleId, List<Competency> competencies) {

    public CompetencyFramework {
        competencies = List.copyOf(competencies);
    }

    /** One competency of a framework and the skills that make it up. */
    public record Competency(String id, String name, String description, List<SkillRequirement> requirements) {
        public Competency {
            requirements = List.copyOf(requirements);
        }
    }
}
