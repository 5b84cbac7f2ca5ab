package dev.waypoint.core.engine;

import dev.waypoint.core.evidence.Evidence;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.pathing.LearningPath;
import dev.waypoint.core.pathing.PathPlanner;
import dev.waypoint.core.pathing.PathRequest;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.store.EvidenceRepository;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.LearningAsset;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.RoleBlueprint;
import dev.waypoint.core.taxonomy.Taxonomy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans a person's path to a role from what is stored: their readiness now, the assets they have
 * already completed (so nothing done is proposed again), the blueprint of the move, and the hours a
 * week they can give.
 */
public final class LearningPaths {

    private final ActiveTaxonomy taxonomy;
    private final PersonRepository people;
    private final EvidenceRepository evidence;
    private final ReadinessRecompute readiness;
    private final PathPlanner planner;
    private final Clock clock;

    public LearningPaths(ActiveTaxonomy taxonomy, PersonRepository people, EvidenceRepository evidence,
                         ReadinessRecompute readiness, PathPlanner planner, Clock clock) {
        this.taxonomy = taxonomy;
        this.people = people;
        this.evidence = evidence;
        this.readiness = readiness;
        this.planner = planner;
        this.clock = clock;
    }

    public LearningPath plan(String tenantId, String personId, String roleId) {
        Taxonomy current = taxonomy.require();
        Person person = people.find(tenantId, personId).orElseThrow(() -> new NotFoundException("person", personId));
        Role role = current.role(roleId).orElseThrow(() -> new NotFoundException("role", roleId));
        Readiness now = readiness.readinessFor(tenantId, personId, roleId);
        return plan(person, role, now, evidence.forPerson(personId));
    }

    /** The path from a readiness and evidence the caller has already read (a page showing several roles). */
    public LearningPath plan(Person person, Role role, Readiness now, List<Evidence> personEvidence) {
        Taxonomy current = taxonomy.require();
        RoleBlueprint blueprint = current.blueprint(person.currentRoleId(), role.id())
                .or(() -> current.blueprint(null, role.id()))
                .orElse(null);
        Set<String> completed = completedAssets(personEvidence, current);
        return planner.plan(new PathRequest(person.id(), role, now, current, blueprint, completed,
                person.weeklyLearningHours(), LocalDate.now(clock)));
    }

    /** Assets whose LMS object the person has evidence of, on the asset's own completion kind, not revoked. */
    static Set<String> completedAssets(List<Evidence> evidence, Taxonomy taxonomy) {
        Set<String> revoked = new HashSet<>();
        evidence.stream().filter(Evidence::isRevocation).forEach(e -> revoked.add(e.revokes()));
        Set<String> completed = new HashSet<>();
        for (Evidence e : evidence) {
            if (e.objectRef() == null || e.isRevocation() || revoked.contains(e.naturalKey())) {
                continue;
            }
            taxonomy.assetByLmsRef(e.objectRef())
                    .filter(asset -> asset.completionKind() == e.kind())
                    .map(LearningAsset::id)
                    .ifPresent(completed::add);
        }
        return completed;
    }
}
