package dev.waypoint.app.lti;

import dev.waypoint.core.engine.LearningPaths;
import dev.waypoint.core.engine.ReadinessRecompute;
import dev.waypoint.core.evidence.Evidence;
import dev.waypoint.core.evidence.SkillEvidence;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.pathing.LearningPath;
import dev.waypoint.core.pathing.PathStep;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.readiness.TargetRoles;
import dev.waypoint.core.store.EvidenceRepository;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.RoleBlueprint;
import dev.waypoint.core.taxonomy.Taxonomy;
import dev.waypoint.core.verification.SkillVerifier;
import dev.waypoint.core.verification.VerificationPolicy;
import dev.waypoint.core.verification.VerificationStatus;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the learner page from the engine: readiness per target role (ReadinessRecompute), the path
 * (LearningPaths), and each skill's verification steps (SkillVerifier with the blueprint's policy).
 * Reads only; nothing here changes a score.
 */
@Component
public class LearnerPages {

    private final ActiveTaxonomy taxonomy;
    private final PersonRepository people;
    private final EvidenceRepository evidence;
    private final ReadinessRecompute readiness;
    private final LearningPaths paths;
    private final SkillVerifier verifier = new SkillVerifier();

    public LearnerPages(ActiveTaxonomy taxonomy, PersonRepository people, EvidenceRepository evidence,
                        ReadinessRecompute readiness, LearningPaths paths) {
        this.taxonomy = taxonomy;
        this.people = people;
        this.evidence = evidence;
        this.readiness = readiness;
        this.paths = paths;
    }

    public Optional<LearnerView> view(String tenantId, String personId, String contextTitle) {
        Optional<Person> found = people.find(tenantId, personId);
        Optional<Taxonomy> current = taxonomy.current();
        if (found.isEmpty() || current.isEmpty()) {
            return Optional.empty();
        }
        Person person = found.get();
        Taxonomy t = current.get();
        // The person and their evidence are read once for every role on the page; each role's score is
        // computed once and serves both its card and its path.
        List<Evidence> personEvidence = evidence.forPerson(personId);
        List<SkillEvidence> skillEvidence = SkillEvidence.flatten(personEvidence);
        List<LearnerView.RoleView> roles = new ArrayList<>();
        for (String roleId : TargetRoles.of(person, t)) {
            Role role = t.role(roleId).orElseThrow();
            Readiness r = readiness.readinessFor(person, role, skillEvidence);
            LearningPath path = paths.plan(person, role, r, personEvidence);
            VerificationPolicy policy = t.blueprint(person.currentRoleId(), roleId).or(() -> t.blueprint(null, roleId))
                    .map(RoleBlueprint::verification).orElse(VerificationPolicy.DEFAULT);
            roles.add(role(t, role, r, path, why(t, person, roleId), skillEvidence, policy));
        }
        String currentRole = person.currentRoleId() == null ? null
                : t.role(person.currentRoleId()).map(Role::name).orElse(person.currentRoleId());
        return Optional.of(new LearnerView(person.displayName(), contextTitle, currentRole, roles));
    }

    /** The score of each target role, for the instructor's table and the grades a first launch queues. */
    public List<Readiness> scores(String tenantId, String personId) {
        Optional<Person> person = people.find(tenantId, personId);
        Optional<Taxonomy> current = taxonomy.current();
        if (person.isEmpty() || current.isEmpty()) {
            return List.of();
        }
        List<SkillEvidence> skillEvidence = SkillEvidence.flatten(evidence.forPerson(personId));
        return TargetRoles.of(person.get(), current.get()).stream()
                .map(roleId -> readiness.readinessFor(person.get(), current.get().role(roleId).orElseThrow(), skillEvidence))
                .toList();
    }

    private LearnerView.RoleView role(Taxonomy t, Role role, Readiness r, LearningPath path, String why,
                                      List<SkillEvidence> skillEvidence, VerificationPolicy policy) {
        String anchor = "role-" + slug(role.id());
        double weightSum = 0;
        double weighted = 0;
        List<LearnerView.SkillView> skills = new ArrayList<>();
        for (Readiness.SkillScore s : r.skills()) {
            weightSum += s.weight();
            weighted += s.weight() * s.score();
            VerificationStatus status = verifier.verify(s.skillId(), s.targetLevel(), skillEvidence, policy);
            List<LearnerView.StepCheck> checks = status.steps().stream()
                    .map(step -> new LearnerView.StepCheck(step.step(), step.met(), step.evidenceIds())).toList();
            List<LearnerView.EvidenceView> rows = s.evidence().stream().map(e -> new LearnerView.EvidenceView(
                    e.evidenceId(), e.kind(), e.level(), e.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                    round2(e.confidence()), round2(e.decay()), round2(e.levelFactor()), percent(e.quality()))).toList();
            String name = t.skills().containsKey(s.skillId()) ? t.skills().get(s.skillId()).name() : s.skillId();
            skills.add(new LearnerView.SkillView(s.skillId(), name, s.targetLevel(), s.weight(), s.mustHave(),
                    percent(s.score()), percent(s.ceiling()), percent(1 - s.score()), rows, checks, status.verified(),
                    anchor + "-skill-" + slug(s.skillId())));
        }
        List<LearnerView.StepView> steps = new ArrayList<>();
        for (PathStep step : path.steps()) {
            List<LearnerView.Closes> closes = step.closes().stream().map(c -> new LearnerView.Closes(c.skillId(),
                    percent(c.before()), percent(c.after()), anchor + "-skill-" + slug(c.skillId()))).toList();
            steps.add(new LearnerView.StepView(step.order(), step.type() == PathStep.StepType.ASSET ? "course" : "milestone",
                    step.name(), step.hours(), step.startsOn(), step.dueOn(), closes));
        }
        return new LearnerView.RoleView(role.id(), role.name(), why, r.score(), r.uncappedScore(),
                r.band().toString(), r.blockingSkills(), round2(weightSum), round2(weighted), skills, steps,
                path.totalHours(), anchor);
    }

    private static String why(Taxonomy t, Person person, String roleId) {
        if (person.currentRoleId() != null && t.nextLevel(person.currentRoleId()).map(Role::id).filter(roleId::equals).isPresent()) {
            return "next level";
        }
        if (person.targetRoleIds().contains(roleId)) {
            return "chosen target";
        }
        return "lateral move";
    }

    static String slug(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static int percent(double value) {
        return (int) Math.round(100 * value);
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
