package dev.waypoint.core.pathing;

import dev.waypoint.core.identity.Person;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.RoleBlueprint;
import dev.waypoint.core.taxonomy.Taxonomy;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What the planner needs to plan one person's path towards one role: the readiness already computed
 * for that role (its breakdown is the starting point of the gap), the taxonomy the assets come from,
 * the blueprint of the move (null when the taxonomy has none), the assets the person has already
 * completed, and the hours a week they can give to learning.
 *
 * @param weeklyHours hours a week; a missing or non-positive value means {@link Person#DEFAULT_WEEKLY_HOURS},
 *                    as for a person who never said
 */
public record PathRequest(String personId, Role role, Readiness readiness, Taxonomy taxonomy,
                          RoleBlueprint blueprint, Set<String> completedAssetIds, double weeklyHours,
                          LocalDate startsOn) {

    public PathRequest {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(taxonomy, "taxonomy");
        Objects.requireNonNull(startsOn, "startsOn");
        if (!readiness.roleId().equals(role.id())) {
            throw new IllegalArgumentException("readiness is for role " + readiness.roleId()
                    + ", the path is asked for role " + role.id());
        }
        completedAssetIds = completedAssetIds == null ? Set.of() : Set.copyOf(completedAssetIds);
        if (!(weeklyHours > 0) || Double.isInfinite(weeklyHours)) {
            weeklyHours = Person.DEFAULT_WEEKLY_HOURS;
        }
    }
}
