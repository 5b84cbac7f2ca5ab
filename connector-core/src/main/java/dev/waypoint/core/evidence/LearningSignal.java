package dev.waypoint.core.evidence;

import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.taxonomy.SkillGrant;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What an evidence source saw, before it is mapped to skills: "this actor completed that LMS object at
 * that time". Adapters produce these and put them on the evidence channel; the core maps them to
 * {@link Evidence} through the taxonomy's assets and rules.
 *
 * @param identities    every identity the source knows for the actor (the strongest one links them)
 * @param actorName     the actor's name as the source shows it; may be null
 * @param objectRef     the LMS object, e.g. {@code moodle:course:SQLF101}; null when {@code grants}
 *                      names the skills directly (endorsements, projects entered by hand)
 * @param grants        skills granted directly; empty when the rules decide
 * @param externalId    the source's id for the fact; null to key it on a content hash
 * @param revokes       for a revocation, the natural key of what is withdrawn
 */
public record LearningSignal(String tenantId, List<IdentityRef> identities, String actorName, EvidenceKind kind,
                             String objectRef, List<SkillGrant> grants, Instant occurredAt,
                             Double scoreScaled, String sourceSystem, String externalId,
                             String revokes, String rawPayload) {

    public LearningSignal {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        identities = List.copyOf(identities);
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    /** The natural key of the fact this signal reports. */
    public String naturalKey() {
        if (externalId != null && !externalId.isBlank()) {
            return NaturalKey.of(sourceSystem, externalId);
        }
        String actor = identities.isEmpty() ? "" : identities.get(0).kind() + "=" + identities.get(0).value();
        return NaturalKey.contentHash(tenantId, sourceSystem, actor, kind.wireName(), String.valueOf(objectRef),
                String.valueOf(grants), occurredAt.toString(), String.valueOf(scoreScaled), String.valueOf(revokes));
    }

    /** The evidence this signal is, for the given person, with the skills mapping gave it. */
    public Evidence toEvidence(String personId, List<SkillGrant> mappedGrants, Instant recordedAt) {
        return new Evidence(UUID.randomUUID().toString(), tenantId, personId, kind, mappedGrants, occurredAt,
                sourceSystem, externalId, naturalKey(), objectRef, scoreScaled, revokes, rawPayload, recordedAt);
    }
}
