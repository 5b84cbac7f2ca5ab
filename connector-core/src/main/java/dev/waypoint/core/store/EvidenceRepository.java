package dev.waypoint.core.store;

import dev.waypoint.core.evidence.Evidence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evidence store. Evidence is never updated or deleted; withdrawal is a revocation row. Idempotent
 * on (tenant, natural key).
 */
public interface EvidenceRepository {

    /** Stores the evidence with its skill grants unless its natural key is already stored; true if stored. */
    boolean insertIfAbsent(Evidence evidence);

    Optional<Evidence> findByNaturalKey(String tenantId, String naturalKey);

    /** A person's evidence, oldest first. */
    List<Evidence> forPerson(String personId);

    /** Evidence of many people at once (for bulk recompute), keyed by person id. */
    Map<String, List<Evidence>> forPeople(Collection<String> personIds);

    long count(String tenantId);
}
