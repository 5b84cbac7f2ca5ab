package dev.waypoint.core.store;

import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.identity.Person;

import java.util.List;
import java.util.Optional;

/**
 * People and the identity map. One person, many identities, all scoped by tenant: an identity
 * (tenant, kind, value) belongs to at most one person.
 */
public interface PersonRepository {

    /**
     * Finds the person these identities name, creating one when none is known, and links every identity
     * to that person. When the identities name different people (a weak identity created a person
     * earlier, a strong one arrives with it now), the people are merged into the one holding the
     * strongest identity: identities, evidence and readiness move to it. Atomic.
     */
    Resolution resolve(String tenantId, List<IdentityRef> identities, String displayName);

    Optional<Person> find(String tenantId, String personId);

    Optional<Person> findByIdentity(String tenantId, IdentityRef identity);

    List<IdentityRef> identities(String personId);

    /**
     * The person who holds {@code identity}, with their name and all their identities, in one read: what a
     * launch needs to tell a returning learner from one whose identities must go through {@link #resolve}.
     */
    Optional<Holder> holder(String tenantId, IdentityRef identity);

    /** People of a tenant in creation order. */
    List<Person> list(String tenantId, int offset, int limit);

    long count(String tenantId);

    /** Updates the current role, target roles, weekly hours and display name. */
    void update(Person person);

    /**
     * @param person        the person the identities resolve to
     * @param created       true when this call created the person
     * @param mergedPersonIds people merged into {@code person} by this call
     */
    /** A person as an identity names them: id, display name (null when none is known) and every identity. */
    record Holder(String personId, String displayName, List<IdentityRef> identities) {
        public Holder {
            identities = List.copyOf(identities);
        }
    }

    record Resolution(Person person, boolean created, List<String> mergedPersonIds) {
        public Resolution {
            mergedPersonIds = List.copyOf(mergedPersonIds);
        }
    }
}
