package dev.waypoint.core.store;

import dev.waypoint.core.readiness.Readiness;

import java.util.List;
import java.util.Optional;

/**
 * Readiness scores with their full breakdown, one current row per (person, role). Every save also
 * appends to the history so a score shown last month can still be explained.
 */
public interface ReadinessRepository {

    /** Stores the score as the current one; answers false (and writes nothing) when it equals the current one. */
    boolean save(Readiness readiness);

    Optional<Readiness> find(String personId, String roleId);

    List<Readiness> forPerson(String personId);
}
