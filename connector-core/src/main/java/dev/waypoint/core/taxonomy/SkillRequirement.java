package dev.waypoint.core.taxonomy;

import java.util.Objects;

/** What a role asks of one skill: the level to reach, how much it weighs, and whether it blocks. */
public record SkillRequirement(String skillId, int targetLevel, double weight, boolean mustHave) {

    public SkillRequirement {
        Objects.requireNonNull(skillId, "skillId");
    }
}
