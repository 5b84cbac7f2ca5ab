package dev.waypoint.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.Skill;
import dev.waypoint.core.taxonomy.SkillRequirement;
import dev.waypoint.core.taxonomy.Taxonomy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates a role's competencies in Moodle as a competency framework: one competency per required skill,
 * idnumbers {@code waypoint-<role>} and {@code waypoint-<skill>}, on Moodle's default competence scale
 * (id 2, "Competent" proficient). The answer is the skill-to-idnumber mapping the write-back rates with.
 * Learning plans per person are not created (see docs/decisions.md).
 */
public final class MoodleCompetencyFrameworks {

    /** Moodle's default competence scale: 1 "Not yet competent", 2 "Competent". */
    public static final long DEFAULT_SCALE_ID = 2;
    static final String DEFAULT_SCALE_CONFIGURATION = "[{\"scaleid\":\"2\"},{\"id\":2,\"scaledefault\":1,\"proficient\":1}]";

    /** The created framework and, per skill id, the idnumber of its competency. */
    public record Created(long frameworkId, Map<String, String> competencies) {
        public Created {
            competencies = Map.copyOf(competencies);
        }
    }

    public Created create(MoodleClient client, Role role, Taxonomy taxonomy) {
        JsonNode framework = client.createCompetencyFramework(role.name(), "waypoint-" + role.id(),
                "The skills of the role " + role.name() + " (Waypoint taxonomy " + taxonomy.version() + ")",
                DEFAULT_SCALE_ID, DEFAULT_SCALE_CONFIGURATION);
        long frameworkId = framework.path("id").asLong();
        Map<String, String> competencies = new LinkedHashMap<>();
        for (SkillRequirement requirement : role.requirements()) {
            Skill skill = taxonomy.skills().get(requirement.skillId());
            String idnumber = "waypoint-" + requirement.skillId();
            try {
                client.createCompetency(frameworkId, skill == null ? requirement.skillId() : skill.name(), idnumber,
                        "Target level " + requirement.targetLevel() + (requirement.mustHave() ? " (must have)" : ""));
            } catch (MoodleError e) {
                throw new MoodleError(e.kind(), e.function(), e.errorCode(), e.getMessage() + "; framework "
                        + frameworkId + " was created with " + competencies.size() + " of "
                        + role.requirements().size() + " competencies: delete it in Moodle before trying again", e);
            }
            competencies.put(requirement.skillId(), idnumber);
        }
        return new Created(frameworkId, competencies);
    }
}
