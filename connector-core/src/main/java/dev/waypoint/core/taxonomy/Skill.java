package dev.waypoint.core.taxonomy;

import java.util.Map;
import java.util.Objects;

/**
 * A skill of the taxonomy. Levels run 1 to 5; {@code levelDescriptions} says what each level means
 * in this organisation. A skill with a half-life loses weight as its evidence ages (see the readiness
 * model); {@code halfLifeDays} is null for a skill that does not decay.
 *
 * @param family the skill family (for example "data"); null for a cross-functional skill
 */
public record Skill(String id, String name, String family, boolean crossFunctional,
                    Double halfLifeDays, Map<Integer, String> levelDescriptions) {

    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 5;

    public Skill {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        levelDescriptions = levelDescriptions == null ? Map.of() : Map.copyOf(levelDescriptions);
    }

    public boolean decays() {
        return halfLifeDays != null;
    }

    public static boolean isValidLevel(int level) {
        return level >= MIN_LEVEL && level <= MAX_LEVEL;
    }
}
