package dev.waypoint.app.api;

import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.core.store.TenantRepository;
import dev.waypoint.core.taxonomy.Skill;
import dev.waypoint.core.taxonomy.SkillGrant;
import dev.waypoint.core.taxonomy.Taxonomy;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Checks an evidence request completely, reporting every wrong field at once, and turns a valid one
 * into the signal the evidence flow takes. Nothing is written here.
 */
@Component
public class EvidenceRequests {

    /** Clocks drift; a fact dated a little in the future is accepted, a fact from next year is a typo. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    private static final int MAX_ID_LENGTH = 512;

    private final PersonRepository people;
    private final TenantRepository tenants;
    private final Clock clock;

    public EvidenceRequests(PersonRepository people, TenantRepository tenants, Clock clock) {
        this.people = people;
        this.tenants = tenants;
        this.clock = clock;
    }

    public LearningSignal toSignal(EvidenceRequest request, Taxonomy taxonomy, String rawPayload) {
        List<FieldProblem> errors = new ArrayList<>();
        String tenant = request.tenant() == null ? TenantRepository.DEFAULT_TENANT : request.tenant();
        if (tenants.find(tenant).isEmpty()) {
            errors.add(new FieldProblem("tenant", "no tenant '" + tenant + "'"));
        }
        EvidenceKind kind = null;
        if (request.kind() == null) {
            errors.add(new FieldProblem("kind", "required"));
        } else {
            kind = EvidenceKind.fromWireName(request.kind()).orElse(null);
            if (kind == null) {
                errors.add(new FieldProblem("kind", "unknown evidence kind '" + request.kind() + "'; one of "
                        + Arrays.stream(EvidenceKind.values()).map(EvidenceKind::wireName).toList()));
            }
        }
        if (request.occurredAt() == null) {
            errors.add(new FieldProblem("occurredAt", "required (ISO-8601, e.g. 2026-03-01T09:00:00Z)"));
        } else if (request.occurredAt().isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            errors.add(new FieldProblem("occurredAt", "lies in the future"));
        }
        if (request.score() != null && (request.score() < 0 || request.score() > 1 || request.score().isNaN())) {
            errors.add(new FieldProblem("score", "must be a scaled score between 0 and 1"));
        }
        List<SkillGrant> grants = grants(request, taxonomy, errors);
        if (kind == EvidenceKind.REVOCATION && blank(request.revokes())) {
            errors.add(new FieldProblem("revokes", "a revocation must name the natural key of the evidence it withdraws"));
        }
        if (kind != null && kind != EvidenceKind.REVOCATION && grants.isEmpty() && blank(request.object())
                && (request.skills() == null || request.skills().isEmpty())) {
            errors.add(new FieldProblem("skills", "name the skills shown, or an object the taxonomy maps"));
        }
        checkLength("externalId", request.externalId(), errors);
        checkLength("object", request.object(), errors);
        checkLength("source", request.source(), errors);
        List<IdentityRef> identities = identities(request, tenant, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new LearningSignal(tenant, identities, request.displayName(), kind, blank(request.object()) ? null : request.object(),
                grants, request.occurredAt(), request.score(), blank(request.source()) ? "api" : request.source(),
                blank(request.externalId()) ? null : request.externalId(), request.revokes(), rawPayload);
    }

    private static List<SkillGrant> grants(EvidenceRequest request, Taxonomy taxonomy, List<FieldProblem> errors) {
        List<SkillGrant> grants = new ArrayList<>();
        if (request.skills() == null) {
            return grants;
        }
        for (int i = 0; i < request.skills().size(); i++) {
            EvidenceRequest.SkillLevelBody body = request.skills().get(i);
            String at = "skills[" + i + "]";
            if (body == null || blank(body.skill())) {
                errors.add(new FieldProblem(at + ".skill", "required"));
                continue;
            }
            if (!taxonomy.skills().containsKey(body.skill())) {
                errors.add(new FieldProblem(at + ".skill", "unknown skill '" + body.skill() + "' in taxonomy " + taxonomy.version()));
            }
            if (body.level() == null) {
                errors.add(new FieldProblem(at + ".level", "required"));
            } else if (!Skill.isValidLevel(body.level())) {
                errors.add(new FieldProblem(at + ".level", body.level() + " is outside " + Skill.MIN_LEVEL + "–" + Skill.MAX_LEVEL));
            } else {
                grants.add(new SkillGrant(body.skill(), body.level()));
            }
        }
        return grants;
    }

    private List<IdentityRef> identities(EvidenceRequest request, String tenant, List<FieldProblem> errors) {
        List<IdentityRef> identities = new ArrayList<>();
        if (request.personId() != null) {
            Optional<Person> person = people.find(tenant, request.personId());
            if (person.isEmpty()) {
                errors.add(new FieldProblem("personId", "no person '" + request.personId() + "' in tenant '" + tenant + "'"));
            } else {
                identities.addAll(people.identities(request.personId()));
            }
        }
        identities.addAll(parseIdentities(request.identities(), errors));
        if (request.personId() == null && (request.identities() == null || request.identities().isEmpty())) {
            errors.add(new FieldProblem("identities", "name the person by personId or by at least one identity"));
        }
        return identities;
    }

    /** Parses API identities, adding a problem per bad entry; shared with the people API. */
    static List<IdentityRef> parseIdentities(List<EvidenceRequest.IdentityBody> bodies, List<FieldProblem> errors) {
        List<IdentityRef> identities = new ArrayList<>();
        if (bodies == null) {
            return identities;
        }
        for (int i = 0; i < bodies.size(); i++) {
            EvidenceRequest.IdentityBody body = bodies.get(i);
            String at = "identities[" + i + "]";
            Optional<IdentityKind> kind = body == null || body.kind() == null ? Optional.empty() : IdentityKind.fromWireName(body.kind());
            if (kind.isEmpty()) {
                errors.add(new FieldProblem(at + ".kind", "unknown identity kind '" + (body == null ? null : body.kind())
                        + "'; one of " + Arrays.stream(IdentityKind.values()).map(IdentityKind::wireName).toList()));
            } else if (blank(body.value())) {
                errors.add(new FieldProblem(at + ".value", "required"));
            } else if (body.value().length() > MAX_ID_LENGTH) {
                errors.add(new FieldProblem(at + ".value", "longer than " + MAX_ID_LENGTH + " characters"));
            } else if (kind.get() == IdentityKind.EMAIL && !body.value().contains("@")) {
                errors.add(new FieldProblem(at + ".value", "'" + body.value() + "' is not an e-mail address"));
            } else {
                identities.add(IdentityRef.of(kind.get(), body.value()));
            }
        }
        return identities;
    }

    private static void checkLength(String field, String value, List<FieldProblem> errors) {
        if (value != null && value.length() > MAX_ID_LENGTH) {
            errors.add(new FieldProblem(field, "longer than " + MAX_ID_LENGTH + " characters"));
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
