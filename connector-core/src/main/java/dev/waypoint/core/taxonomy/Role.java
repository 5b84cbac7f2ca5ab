package dev.waypoint.core.taxonomy;

import java.util.List;
import java.util.Objects;

/**
 * A role: one level of a career track, with the skills it requires. The requirements are the role's
 * own plus those of the competency frameworks attached to it, already merged by the loader.
 *
 * @param id    unique across the taxonomy, conventionally {@code <track>.<level>} (for example
 *              {@code engineering.ic3})
 * @param rank  the position of the level in its track, 1 for the first
 */
public record Role(String id, String name, String trackId, int rank, List<SkillRequirement> requirements) {

    public Role {
        Objects.requireNonNull(id, "id");
        requirements = List.copyOf(requirements);
    }
}
