package dev.waypoint.core.store.jdbc;

import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.store.PersonRepository;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * People in {@code person} and the identity map in {@code person_identity}.
 *
 * <p>Resolution runs in one transaction and does not rely on an exception to detect the usual race:
 * identities are linked with {@code INSERT … ON CONFLICT DO NOTHING}, and when a link is refused
 * because another resolution got there first, the identities are looked up again and the people they
 * now name are merged. Resolutions of overlapping identities lock people and identities in an order
 * that depends on what each finds, so PostgreSQL may still end one as a deadlock victim; that
 * transaction, like one hit by a unique violation, is retried as a whole after a short pause. Retries
 * only happen when this repository owns the transaction: called inside a caller's transaction, the
 * exception goes to the caller, whose unit of work has to be retried.
 *
 * <p>Merging is in {@link PersonMerge}; the person rows and their target roles in {@link PersonRows}.
 * A resolution that names an existing person without a display name fills it in; a known display name
 * is only changed through {@link #update(Person)}.
 */
public class JdbcPersonRepository implements PersonRepository {

    /** Each round links at least one identity or sees another resolution finish, so few are ever needed. */
    private static final int MAX_ROUNDS = 8;

    /** Transactions tried when PostgreSQL picks a resolution as a deadlock victim or a key races in. */
    private static final int MAX_ATTEMPTS = 8;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PersonRows rows;
    private final PersonMerge merge;

    public JdbcPersonRepository(JdbcClient jdbc, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx);
        this.rows = new PersonRows(jdbc);
        this.merge = new PersonMerge(jdbc, rows);
    }

    @Override
    public Resolution resolve(String tenantId, List<IdentityRef> identities, String displayName) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (identities == null || identities.isEmpty()) {
            throw new IllegalArgumentException("resolving a person needs at least one identity");
        }
        // One global order of identity inserts keeps deadlocks between overlapping resolutions rare.
        List<IdentityRef> sorted = new ArrayList<>(new LinkedHashSet<>(identities));
        sorted.sort(Comparator.comparing((IdentityRef i) -> i.kind().wireName()).thenComparing(IdentityRef::value));
        boolean ownTransaction = !TransactionSynchronizationManager.isActualTransactionActive();
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> resolveInTransaction(tenantId, sorted, displayName));
            } catch (DuplicateKeyException | TransientDataAccessException raced) {
                // Lock waits, deadlocks and H2's lock timeouts are all transient: a fresh transaction settles them.
                // Inside a caller's transaction a retry would run in a transaction already rolled back.
                if (!ownTransaction || attempt == MAX_ATTEMPTS) {
                    throw raced;
                }
                pause(attempt);
            }
        }
    }

    /** A short random pause, so two resolutions that collided do not collide again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resolving an identity", e);
        }
    }

    private Resolution resolveInTransaction(String tenantId, List<IdentityRef> identities, String displayName) {
        String createdHere = null;
        List<String> merged = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Map<IdentityRef, String> holders = holders(tenantId, identities);
            List<String> people = holders.values().stream().distinct().toList();
            String target;
            if (people.isEmpty()) {
                if (createdHere == null) {
                    createdHere = rows.insert(tenantId, displayName);
                }
                target = createdHere;
            } else {
                Optional<String> winner = people.size() == 1
                        ? rows.lock(people.get(0))
                        : merge.mergeIntoStrongest(people);
                if (winner.isEmpty()) {
                    continue; // a concurrent merge removed a holder; look again
                }
                target = winner.get();
                for (String person : people) {
                    if (!person.equals(target) && !person.equals(createdHere)) {
                        merged.add(person);
                    }
                }
            }
            if (linkAll(tenantId, identities, holders, target)) {
                if (createdHere != null && !createdHere.equals(target)) {
                    rows.deleteIfOrphan(createdHere);
                }
                if (displayName != null) {
                    rows.fillDisplayName(target, displayName);
                }
                return new Resolution(rows.find(tenantId, target).orElseThrow(), target.equals(createdHere), merged);
            }
        }
        // Contention, not a fault: the caller's retry starts a fresh transaction after a random pause.
        throw new CannotAcquireLockException("identities of tenant " + tenantId + " kept changing while being resolved");
    }

    /**
     * Links the identities nobody held when looked up (those that were held now belong to the target,
     * directly or through the merge); false if another resolution linked one of them first.
     */
    private boolean linkAll(String tenantId, List<IdentityRef> identities, Map<IdentityRef, String> holders, String target) {
        boolean all = true;
        for (IdentityRef identity : identities) {
            if (holders.containsKey(identity)) {
                continue;
            }
            int linked = jdbc.sql("""
                            INSERT INTO person_identity (tenant_id, kind, identity_value, person_id, linked_at)
                            VALUES (:tenantId, :kind, :identityValue, :personId, :linkedAt)
                            ON CONFLICT DO NOTHING""")
                    .param("tenantId", tenantId)
                    .param("kind", identity.kind().wireName())
                    .param("identityValue", identity.value())
                    .param("personId", target)
                    .param("linkedAt", SqlTime.param(SqlTime.now()))
                    .update();
            all &= linked == 1;
        }
        return all;
    }

    private Map<IdentityRef, String> holders(String tenantId, List<IdentityRef> identities) {
        Map<IdentityRef, String> holders = new HashMap<>();
        for (IdentityRef identity : identities) {
            holderOf(tenantId, identity).ifPresent(person -> holders.put(identity, person));
        }
        return holders;
    }

    private Optional<String> holderOf(String tenantId, IdentityRef identity) {
        return jdbc.sql("SELECT person_id FROM person_identity WHERE tenant_id = :tenantId AND kind = :kind AND identity_value = :identityValue")
                .param("tenantId", tenantId)
                .param("kind", identity.kind().wireName())
                .param("identityValue", identity.value())
                .query(String.class)
                .optional();
    }

    @Override
    public Optional<Person> find(String tenantId, String personId) {
        return rows.find(tenantId, personId);
    }

    @Override
    public Optional<Person> findByIdentity(String tenantId, IdentityRef identity) {
        return holderOf(tenantId, identity).flatMap(person -> rows.find(tenantId, person));
    }

    @Override
    public Optional<Holder> holder(String tenantId, IdentityRef identity) {
        List<String[]> rows = jdbc.sql("SELECT p.id, p.display_name, o.kind, o.identity_value FROM person_identity h "
                        + "JOIN person p ON p.id = h.person_id AND p.tenant_id = h.tenant_id "
                        + "JOIN person_identity o ON o.person_id = p.id "
                        + "WHERE h.tenant_id = :tenantId AND h.kind = :kind AND h.identity_value = :identityValue")
                .param("tenantId", tenantId)
                .param("kind", identity.kind().wireName())
                .param("identityValue", identity.value())
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<IdentityRef> identities = rows.stream().map(row -> IdentityRef.of(kindOf(row[2]), row[3])).toList();
        return Optional.of(new Holder(rows.get(0)[0], rows.get(0)[1], identities));
    }

    /** Strongest first, so the first identity is the one to show or to key on. */
    @Override
    public List<IdentityRef> identities(String personId) {
        List<IdentityRef> found = new ArrayList<>(jdbc.sql("SELECT kind, identity_value FROM person_identity WHERE person_id = :personId")
                .param("personId", personId)
                .query((rs, n) -> IdentityRef.of(kindOf(rs.getString("kind")), rs.getString("identity_value")))
                .list());
        found.sort(Comparator.comparingInt((IdentityRef i) -> -i.kind().strength())
                .thenComparing(i -> i.kind().wireName())
                .thenComparing(IdentityRef::value));
        return found;
    }

    static IdentityKind kindOf(String wireName) {
        return IdentityKind.fromWireName(wireName).orElseThrow(
                () -> new IllegalStateException("unknown identity kind '" + wireName + "' in the database"));
    }

    @Override
    public List<Person> list(String tenantId, int offset, int limit) {
        return rows.list(tenantId, offset, limit);
    }

    @Override
    public long count(String tenantId) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE tenant_id = :tenantId")
                .param("tenantId", tenantId)
                .query(Long.class)
                .single();
    }

    @Override
    public void update(Person person) {
        tx.executeWithoutResult(status -> {
            if (!rows.update(person)) {
                throw new IllegalArgumentException("no person " + person.id() + " in tenant " + person.tenantId());
            }
        });
    }
}
