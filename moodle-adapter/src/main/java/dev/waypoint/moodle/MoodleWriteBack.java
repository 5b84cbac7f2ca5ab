package dev.waypoint.moodle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waypoint.core.evidence.SkillEvidence;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.store.EvidenceRepository;
import dev.waypoint.core.store.OutboxRepository.OutboxEntry;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.core.store.ReadinessRepository;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.RoleBlueprint;
import dev.waypoint.core.taxonomy.Taxonomy;
import dev.waypoint.core.verification.SkillVerifier;
import dev.waypoint.core.verification.VerificationPolicy;
import dev.waypoint.core.verification.VerificationStatus;
import dev.waypoint.core.writeback.WriteBack;
import dev.waypoint.core.writeback.WriteBackFailure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes results back into Moodle through the outbox: the person's readiness as the text of a custom
 * profile field ({@code core_user_update_users}) and, for skills the {@link SkillVerifier} finds
 * verified, a rating on the mapped Moodle competency ({@code core_competency_grade_competency}); when the
 * site turns learning plans on, a plan per person and target role with the role's mapped competencies
 * ({@link MoodleLearningPlans}).
 * The outbox skips a row whose payload equals the last one delivered, so an unchanged value costs nothing.
 * Only people Moodle knows (a Moodle user id among their identities) are written for.
 */
public final class MoodleWriteBack implements WriteBack {

    public static final String TARGET = "moodle";

    private final MoodleSites sites;
    private final PersonRepository people;
    private final ReadinessRepository readiness;
    private final EvidenceRepository evidence;
    private final ActiveTaxonomy taxonomy;
    private final MoodleCompetencyScale scales;
    private final MoodleLearningPlans plans;
    private final SkillVerifier verifier = new SkillVerifier();
    private final ObjectMapper json = new ObjectMapper();

    public MoodleWriteBack(MoodleSites sites, PersonRepository people, ReadinessRepository readiness,
                           EvidenceRepository evidence, ActiveTaxonomy taxonomy) {
        this.sites = sites;
        this.people = people;
        this.readiness = readiness;
        this.evidence = evidence;
        this.taxonomy = taxonomy;
        this.scales = new MoodleCompetencyScale();
        this.plans = new MoodleLearningPlans(scales);
    }

    @Override
    public String target() {
        return TARGET;
    }

    @Override
    public List<PlannedWrite> plan(Person person, Readiness changed) {
        Optional<MoodleClient> client = sites.client(person.tenantId());
        Optional<String> moodleUser = people.identities(person.id()).stream()
                .filter(id -> id.kind() == IdentityKind.MOODLE_USER_ID).map(IdentityRef::value).findFirst();
        if (client.isEmpty() || moodleUser.isEmpty()) {
            return List.of();
        }
        MoodleProperties site = client.get().site();
        long userId = Long.parseLong(moodleUser.get());
        List<PlannedWrite> writes = new ArrayList<>();
        if (site.profileField() != null && !site.profileField().isBlank()) {
            ObjectNode payload = json.createObjectNode().put("type", "profile").put("userid", userId)
                    .put("field", site.profileField()).put("value", profileValue(person, changed));
            writes.add(new PlannedWrite(person.tenantId(), "profile/" + userId + "/" + site.profileField(), payload.toString()));
        }
        if (site.competencyFrameworkId() != null && !site.competencies().isEmpty()) {
            Taxonomy current = taxonomy.require();
            List<SkillEvidence> rows = SkillEvidence.flatten(evidence.forPerson(person.id()));
            Map<String, VerificationStatus> verified = verifier.verifiedSkills(rows, policy(current, person, changed));
            verified.values().stream().sorted(Comparator.comparing(VerificationStatus::skillId)).forEach(status -> {
                String idnumber = site.competencies().get(status.skillId());
                if (idnumber != null) {
                    ObjectNode payload = json.createObjectNode().put("type", "competency").put("userid", userId)
                            .put("framework", site.competencyFrameworkId()).put("competency", idnumber)
                            .put("skill", status.skillId()).put("level", status.level());
                    writes.add(new PlannedWrite(person.tenantId(), "competency/" + userId + "/" + idnumber, payload.toString()));
                }
            });
        }
        if (site.options().learningPlans() && site.competencyFrameworkId() != null) {
            learningPlan(person, changed, site, userId).ifPresent(writes::add);
        }
        return writes;
    }

    /**
     * The plan of the role's mapped competencies; its payload holds no score, so it is delivered once and
     * again only when the role's competencies or their mapping change.
     */
    private Optional<PlannedWrite> learningPlan(Person person, Readiness changed, MoodleProperties site, long userId) {
        Optional<dev.waypoint.core.taxonomy.Role> role = taxonomy.require().role(changed.roleId());
        if (role.isEmpty()) {
            return Optional.empty();
        }
        List<String> idnumbers = role.get().requirements().stream().map(r -> site.competencies().get(r.skillId()))
                .filter(java.util.Objects::nonNull).distinct().sorted().toList();
        if (idnumbers.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode payload = json.createObjectNode().put("type", "plan").put("userid", userId)
                .put("framework", site.competencyFrameworkId()).put("role", role.get().id())
                .put("name", MoodleLearningPlans.planName(role.get().name()));
        idnumbers.forEach(payload.putArray("competencies")::add);
        return Optional.of(new PlannedWrite(person.tenantId(), "plan/" + userId + "/" + role.get().id(), payload.toString()));
    }

    /** One line for every role readiness is kept for, e.g. "Senior Analyst 42 (developing)". */
    private String profileValue(Person person, Readiness changed) {
        Taxonomy current = taxonomy.require();
        List<Readiness> all = new ArrayList<>(readiness.forPerson(person.id()));
        all.removeIf(r -> r.roleId().equals(changed.roleId()));
        all.add(changed);
        all.sort(Comparator.comparing(Readiness::roleId));
        List<String> parts = new ArrayList<>();
        for (Readiness r : all) {
            String name = current.role(r.roleId()).map(role -> role.name()).orElse(r.roleId());
            parts.add(name + " " + r.score() + " (" + r.band().wireName() + ")");
        }
        return String.join("; ", parts);
    }

    private static VerificationPolicy policy(Taxonomy current, Person person, Readiness changed) {
        if (person.currentRoleId() == null) {
            return VerificationPolicy.DEFAULT;
        }
        return current.blueprint(person.currentRoleId(), changed.roleId()).map(RoleBlueprint::verification)
                .orElse(VerificationPolicy.DEFAULT);
    }

    @Override
    public void deliver(OutboxEntry entry) throws WriteBackFailure {
        MoodleClient client = sites.client(entry.tenantId()).orElseThrow(() -> new WriteBackFailure(
                "tenant " + entry.tenantId() + " has no Moodle site configured", true));
        try {
            JsonNode payload = json.readTree(entry.payload());
            long userId = payload.path("userid").asLong();
            switch (payload.path("type").asText()) {
                case "profile" -> {
                    JsonNode answer = client.updateProfileField(userId, payload.path("field").asText(),
                            payload.path("value").asText());
                    List<String> warnings = MoodleClient.warnings(answer);
                    if (!warnings.isEmpty()) {
                        throw new WriteBackFailure("core_user_update_users: Moodle warned " + warnings, false);
                    }
                }
                case "competency" -> {
                    long frameworkId = payload.path("framework").asLong();
                    MoodleCompetencyScale.Framework framework = scales.framework(client, frameworkId);
                    Long competencyId = framework.competencyIds().get(payload.path("competency").asText());
                    if (competencyId == null) {
                        throw new WriteBackFailure("core_competency_grade_competency: framework " + frameworkId
                                + " has no competency with idnumber " + payload.path("competency").asText()
                                + ": fix the competency mapping of the Moodle site", false);
                    }
                    client.gradeCompetency(userId, competencyId, framework.proficientGrade(),
                            "Verified at level " + payload.path("level").asInt() + " of skill "
                                    + payload.path("skill").asText() + " by Waypoint");
                }
                case "plan" -> {
                    List<String> idnumbers = new ArrayList<>();
                    payload.path("competencies").forEach(c -> idnumbers.add(c.asText()));
                    plans.deliver(client, userId, payload.path("name").asText(), payload.path("framework").asLong(), idnumbers);
                }
                default -> throw new WriteBackFailure("unknown Moodle write " + payload.path("type").asText(), false);
            }
        } catch (MoodleError e) {
            throw new WriteBackFailure(e.getMessage(), e.retryable(), e);
        } catch (JsonProcessingException e) {
            throw new WriteBackFailure("unreadable outbox payload: " + e.getOriginalMessage(), false, e);
        }
    }
}
