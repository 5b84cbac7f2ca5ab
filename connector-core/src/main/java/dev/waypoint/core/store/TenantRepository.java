package dev.waypoint.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tenants: one registered LMS platform each (details of the registration arrive with the LTI work).
 * The tenant {@value #DEFAULT_TENANT} always exists so a fresh install accepts evidence at once.
 */
public interface TenantRepository {

    String DEFAULT_TENANT = "default";

    Optional<Tenant> find(String id);

    List<Tenant> list();

    /** Creates the tenant if it does not exist; answers the stored one either way. */
    Tenant ensure(String id, String name);

    record Tenant(String id, String name, Instant createdAt) {
    }
}
