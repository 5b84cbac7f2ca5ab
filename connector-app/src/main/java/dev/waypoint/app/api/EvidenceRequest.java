package dev.waypoint.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A piece of evidence recorded through the API (by HR, scripts, or a manager's endorsement tool).
 * The person is named by {@code personId} or by identities; the skills come from {@code skills}
 * directly, or from the taxonomy's mapping of {@code object}.
 */
@Schema(description = "One fact about one person")
public record EvidenceRequest(
        @Schema(description = "tenant id; default 'default'") String tenant,
        @Schema(description = "Waypoint person id; or give identities") String personId,
        @Schema(description = "identities of the person, e.g. {kind: email, value: alice@example.com}") List<IdentityBody> identities,
        @Schema(description = "the person's name, used when the person is new") String displayName,
        @Schema(description = "course_completion, activity_completion, badge, assessment, applied_project, "
                + "manager_endorsement, peer_review, certification, self_assessment or revocation",
                requiredMode = Schema.RequiredMode.REQUIRED) String kind,
        @Schema(description = "the LMS object, e.g. moodle:course:SQLF101") String object,
        @Schema(description = "skills shown, when not mapped from the object") List<SkillLevelBody> skills,
        @Schema(description = "when it happened (ISO-8601)", requiredMode = Schema.RequiredMode.REQUIRED) Instant occurredAt,
        @Schema(description = "scaled score 0..1, for assessments") Double score,
        @Schema(description = "the system it comes from; default 'api'") String source,
        @Schema(description = "the source's id of the fact; makes it idempotent. Without it, a content hash does") String externalId,
        @Schema(description = "for a revocation: the natural key of the evidence withdrawn") String revokes,
        @Schema(description = "the source's raw payload, kept for audit") JsonNode payload) {

    /** An identity as the API spells it. */
    public record IdentityBody(String kind, String value) {
    }

    /** A skill at a level as the API spells it. */
    public record SkillLevelBody(String skill, Integer level) {
    }
}
