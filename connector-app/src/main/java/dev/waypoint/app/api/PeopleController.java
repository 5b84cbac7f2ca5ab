package dev.waypoint.app.api;

import dev.waypoint.core.engine.LearningPaths;
import dev.waypoint.core.engine.NotFoundException;
import dev.waypoint.core.engine.ReadinessRecompute;
import dev.waypoint.core.evidence.Evidence;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.pathing.LearningPath;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.readiness.TargetRoles;
import dev.waypoint.core.store.EvidenceRepository;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.core.store.TenantRepository;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.Taxonomy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** People, their readiness for roles (with the breakdown behind each number) and their learning paths. */
@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "People", description = "People, readiness and learning paths")
public class PeopleController {

    private static final double MAX_WEEKLY_HOURS = 60;

    private final PersonRepository people;
    private final TenantRepository tenants;
    private final EvidenceRepository evidence;
    private final ReadinessRecompute readiness;
    private final LearningPaths paths;
    private final ActiveTaxonomy taxonomy;

    public PeopleController(PersonRepository people, TenantRepository tenants, EvidenceRepository evidence,
                            ReadinessRecompute readiness, LearningPaths paths, ActiveTaxonomy taxonomy) {
        this.people = people;
        this.tenants = tenants;
        this.evidence = evidence;
        this.readiness = readiness;
        this.paths = paths;
        this.taxonomy = taxonomy;
    }

    @Operation(summary = "List the people of a tenant, in the order they became known")
    @GetMapping
    public Page list(@RequestParam(defaultValue = TenantRepository.DEFAULT_TENANT) String tenant,
                     @RequestParam(defaultValue = "0") int offset,
                     @RequestParam(defaultValue = "50") int limit) {
        requireTenant(tenant);
        Paging.check(offset, limit);
        List<PersonView> items = people.list(tenant, offset, limit).stream().map(this::view).toList();
        return new Page(people.count(tenant), offset, limit, items);
    }

    @Operation(summary = "Create a person, or find the one these identities already name, and set their roles")
    @PostMapping
    public ResponseEntity<PersonView> create(@RequestBody PersonBody body) {
        String tenant = body.tenant() == null ? TenantRepository.DEFAULT_TENANT : body.tenant();
        List<FieldProblem> errors = new ArrayList<>();
        if (tenants.find(tenant).isEmpty()) {
            errors.add(new FieldProblem("tenant", "no tenant '" + tenant + "'"));
        }
        List<IdentityRef> identities = EvidenceRequests.parseIdentities(body.identities(), errors);
        if (body.identities() == null || body.identities().isEmpty()) {
            errors.add(new FieldProblem("identities", "at least one identity is required"));
        }
        checkRoles(body.currentRole(), body.targetRoles(), body.weeklyHours(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        PersonRepository.Resolution resolution = people.resolve(tenant, identities, body.displayName());
        Person updated = apply(resolution.person(), body.displayName(), body.currentRole(), body.targetRoles(), body.weeklyHours());
        return ResponseEntity.status(resolution.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view(updated));
    }

    @Operation(summary = "One person with their identities and the roles their readiness is kept for")
    @GetMapping("/{id}")
    public PersonView get(@PathVariable String id,
                          @RequestParam(defaultValue = TenantRepository.DEFAULT_TENANT) String tenant) {
        return view(person(tenant, id));
    }

    @Operation(summary = "Change a person's current role, target roles, weekly learning hours or name")
    @PatchMapping("/{id}")
    public PersonView update(@PathVariable String id,
                             @RequestParam(defaultValue = TenantRepository.DEFAULT_TENANT) String tenant,
                             @RequestBody PersonBody body) {
        Person person = person(tenant, id);
        List<FieldProblem> errors = new ArrayList<>();
        if (body.identities() != null || body.tenant() != null) {
            errors.add(new FieldProblem(body.identities() != null ? "identities" : "tenant",
                    "cannot be changed here; identities are linked by evidence and POST /api/v1/people"));
        }
        checkRoles(body.currentRole(), body.targetRoles(), body.weeklyHours(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Person updated = apply(person, body.displayName(), body.currentRole(), body.targetRoles(), body.weeklyHours());
        readiness.recompute(tenant, id);
        return view(updated);
    }

    @Operation(summary = "Readiness for a role with its full breakdown; without role, for every target role")
    @GetMapping("/{id}/readiness")
    public List<Readiness> readiness(@PathVariable String id,
                                     @RequestParam(required = false) String role,
                                     @RequestParam(defaultValue = TenantRepository.DEFAULT_TENANT) String tenant) {
        Person person = person(tenant, id);
        if (role != null) {
            requireRole(role);
            return List.of(readiness.readinessFor(tenant, id, role));
        }
        return TargetRoles.of(person, taxonomy.require()).stream()
                .map(r -> readiness.readinessFor(tenant, id, r)).toList();
    }

    @Operation(summary = "The dated learning path to a role, each step with the gap it closes")
    @GetMapping("/{id}/path")
    public LearningPath path(@PathVariable String id, @RequestParam String role,
                             @RequestParam(defaultValue = TenantRepository.DEFAULT_TENANT) String tenant) {
        person(tenant, id);
        requireRole(role);
        return paths.plan(tenant, id, role);
    }

    @Operation(summary = "The evidence recorded for a person, oldest first")
    @GetMapping("/{id}/evidence")
    public List<Evidence> evidence(@PathVariable String id,
                                   @RequestParam(defaultValue = TenantRepository.DEFAULT_TENANT) String tenant) {
        person(tenant, id);
        return evidence.forPerson(id);
    }

    private void checkRoles(String currentRole, List<String> targetRoles, Double weeklyHours, List<FieldProblem> errors) {
        Taxonomy current = taxonomy.require();
        if (currentRole != null && !current.roles().containsKey(currentRole)) {
            errors.add(new FieldProblem("currentRole", "unknown role '" + currentRole + "' in taxonomy " + current.version()));
        }
        if (targetRoles != null) {
            for (int i = 0; i < targetRoles.size(); i++) {
                if (!current.roles().containsKey(targetRoles.get(i))) {
                    errors.add(new FieldProblem("targetRoles[" + i + "]", "unknown role '" + targetRoles.get(i) + "'"));
                }
            }
        }
        if (weeklyHours != null && (weeklyHours <= 0 || weeklyHours > MAX_WEEKLY_HOURS || weeklyHours.isNaN())) {
            errors.add(new FieldProblem("weeklyHours", "must be more than 0 and at most " + MAX_WEEKLY_HOURS));
        }
    }

    private Person apply(Person person, String displayName, String currentRole, List<String> targetRoles, Double weeklyHours) {
        Person updated = new Person(person.id(), person.tenantId(),
                displayName != null ? displayName : person.displayName(),
                currentRole != null ? currentRole : person.currentRoleId(),
                targetRoles != null ? targetRoles : person.targetRoleIds(),
                weeklyHours != null ? weeklyHours : person.weeklyLearningHours(),
                person.createdAt());
        if (!updated.equals(person)) {
            people.update(updated);
        }
        return updated;
    }

    private Person person(String tenant, String id) {
        requireTenant(tenant);
        return people.find(tenant, id).orElseThrow(() -> new NotFoundException("person", id));
    }

    private void requireTenant(String tenant) {
        if (tenants.find(tenant).isEmpty()) {
            throw new NotFoundException("tenant", tenant);
        }
    }

    private void requireRole(String role) {
        if (!taxonomy.require().roles().containsKey(role)) {
            throw ApiException.invalid("role", "unknown role '" + role + "' in taxonomy " + taxonomy.require().version());
        }
    }

    private PersonView view(Person p) {
        return new PersonView(p.id(), p.tenantId(), p.displayName(), p.currentRoleId(), p.targetRoleIds(),
                List.copyOf(TargetRoles.of(p, taxonomy.require())), p.weeklyLearningHours(),
                people.identities(p.id()).stream()
                        .map(i -> new EvidenceRequest.IdentityBody(i.kind().wireName(), i.value())).toList());
    }

    /** A person as the API shows them. {@code readinessRoles}: the roles their readiness is kept for. */
    public record PersonView(String id, String tenant, String displayName, String currentRole, List<String> targetRoles,
                             List<String> readinessRoles, double weeklyHours,
                             List<EvidenceRequest.IdentityBody> identities) {
    }

    /** Creating or changing a person. */
    public record PersonBody(String tenant, List<EvidenceRequest.IdentityBody> identities, String displayName,
                             String currentRole, List<String> targetRoles, Double weeklyHours) {
    }

    /** A page of people. */
    public record Page(long total, int offset, int limit, List<PersonView> items) {
    }
}
