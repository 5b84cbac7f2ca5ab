package dev.waypoint.core.evidence;

import dev.waypoint.core.taxonomy.SkillGrant;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One immutable fact about one person, with the skills and levels it grants (already mapped through
 * the taxonomy's evidence rules). The natural key makes it idempotent: the same fact, replayed or
 * re-polled, is stored once.
 *
 * @param naturalKey  {@code <sourceSystem>:<externalId>}, or {@code sha256:<hex>} of the content
 *                    where the source gives no id (see {@link NaturalKey})
 * @param objectRef   the LMS object the fact is about ({@code moodle:course:SQLF101}); may be null
 * @param revokes     for a {@link EvidenceKind#REVOCATION}, the natural key of the evidence it withdraws
 * @param rawPayload  the source's payload as received (JSON), kept for audit; may be null
 */
public record Evidence(String id, String tenantId, String personId, EvidenceKind kind,
                       List<SkillGrant> grants, Instant occurredAt, String sourceSystem,
                       String externalId, String naturalKey, String objectRef, Double scoreScaled,
                       String revokes, String rawPayload, Instant recordedAt) {

    public Evidence {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(naturalKey, "naturalKey");
        grants = List.copyOf(grants);
    }

    public boolean isRevocation() {
        return kind == EvidenceKind.REVOCATION;
    }
}
