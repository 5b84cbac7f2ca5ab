package dev.waypoint.core.readiness;

import dev.waypoint.core.identity.Person;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.Taxonomy;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The roles a person's readiness is kept for: the next level of their track, every lateral move from
 * their current role, and the roles they chose. Roles the taxonomy no longer has are left out.
 */
public final class TargetRoles {

    private TargetRoles() {
    }

    public static Set<String> of(Person person, Taxonomy taxonomy) {
        Set<String> roles = new LinkedHashSet<>();
        if (person.currentRoleId() != null) {
            taxonomy.nextLevel(person.currentRoleId()).map(Role::id).ifPresent(roles::add);
            taxonomy.lateralMoves(person.currentRoleId()).forEach(r -> roles.add(r.id()));
        }
        for (String chosen : person.targetRoleIds()) {
            if (taxonomy.roles().containsKey(chosen)) {
                roles.add(chosen);
            }
        }
        return roles;
    }
}
