package dev.waypoint.core.engine;

import dev.waypoint.core.evidence.SkillEvidence;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.readiness.ReadinessCalculator;
import dev.waypoint.core.readiness.TargetRoles;
import dev.waypoint.core.store.EvidenceRepository;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.core.store.ReadinessRepository;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.Taxonomy;
import dev.waypoint.core.writeback.WriteBackDispatcher;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps stored readiness true to the evidence. After new evidence only that person is recomputed,
 * for the roles they aim at (next level, lateral moves, chosen targets); every changed score goes
 * to the store with its breakdown and to the write-back outbox.
 *
 * <p>Reads compute afresh (a score decays with time, and the computation is microseconds) and store
 * the result when it differs from the stored one in score, band, blocking skills or taxonomy
 * version, or when the stored one is older than {@link #STORED_SCORE_MAX_AGE}: what a screen shows
 * is always explainable from a stored breakdown of the same number.
 */
public final class ReadinessRecompute {

    static final Duration STORED_SCORE_MAX_AGE = Duration.ofDays(1);

    private final ActiveTaxonomy taxonomy;
    private final PersonRepository people;
    private final EvidenceRepository evidence;
    private final ReadinessRepository readiness;
    private final ReadinessCalculator calculator;
    private final WriteBackDispatcher writeBack;
    private final Clock clock;

    public ReadinessRecompute(ActiveTaxonomy taxonomy, PersonRepository people, EvidenceRepository evidence,
                              ReadinessRepository readiness, ReadinessCalculator calculator,
                              WriteBackDispatcher writeBack, Clock clock) {
        this.taxonomy = taxonomy;
        this.people = people;
        this.evidence = evidence;
        this.readiness = readiness;
        this.calculator = calculator;
        this.writeBack = writeBack;
        this.clock = clock;
    }

    /** Recomputes a person's target roles; answers the scores that changed. */
    public List<Readiness> recompute(String tenantId, String personId) {
        Taxonomy current = taxonomy.require();
        Person person = person(tenantId, personId);
        List<SkillEvidence> skillEvidence = SkillEvidence.flatten(evidence.forPerson(personId));
        List<Readiness> changed = new ArrayList<>();
        for (String roleId : TargetRoles.of(person, current)) {
            Readiness fresh = calculator.compute(personId, current.roles().get(roleId), skillEvidence, current, clock.instant());
            if (storeIfChanged(person, fresh)) {
                changed.add(fresh);
            }
        }
        return changed;
    }

    /** A person's readiness for one role, computed now, with its breakdown. */
    public Readiness readinessFor(String tenantId, String personId, String roleId) {
        Taxonomy current = taxonomy.require();
        Person person = person(tenantId, personId);
        Role role = current.role(roleId).orElseThrow(() -> new NotFoundException("role", roleId));
        List<SkillEvidence> skillEvidence = SkillEvidence.flatten(evidence.forPerson(personId));
        Readiness fresh = calculator.compute(personId, role, skillEvidence, current, clock.instant());
        storeIfChanged(person, fresh);
        return fresh;
    }

    /**
     * The same, for a person and evidence the caller has already read: a page that shows several roles
     * reads the person and their evidence once, not once per role.
     */
    public Readiness readinessFor(Person person, Role role, List<SkillEvidence> skillEvidence) {
        Readiness fresh = calculator.compute(person.id(), role, skillEvidence, taxonomy.require(), clock.instant());
        storeIfChanged(person, fresh);
        return fresh;
    }

    private boolean storeIfChanged(Person person, Readiness fresh) {
        Optional<Readiness> stored = readiness.find(person.id(), fresh.roleId());
        if (stored.isPresent() && sameAsShown(stored.get(), fresh)) {
            return false;
        }
        boolean saved = readiness.save(fresh);
        if (saved) {
            writeBack.enqueue(person, fresh);
        }
        return saved;
    }

    private boolean sameAsShown(Readiness stored, Readiness fresh) {
        return stored.score() == fresh.score()
                && stored.band() == fresh.band()
                && stored.blockingSkills().equals(fresh.blockingSkills())
                && Objects.equals(stored.taxonomyVersion(), fresh.taxonomyVersion())
                && Duration.between(stored.asOf(), fresh.asOf()).compareTo(STORED_SCORE_MAX_AGE) < 0;
    }

    private Person person(String tenantId, String personId) {
        return people.find(tenantId, personId).orElseThrow(() -> new NotFoundException("person", personId));
    }
}
