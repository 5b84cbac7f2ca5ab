package dev.waypoint.core.taxonomy;

import java.util.Objects;

/** A skill at a level: what a learning asset teaches, or what a piece of evidence shows. */
public record SkillGrant(String skillId, int level) {

    public SkillGrant {
        Objects.requireNonNull(skillId, "skillId");
    }
}
