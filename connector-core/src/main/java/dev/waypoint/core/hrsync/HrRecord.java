package dev.waypoint.core.hrsync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line sent to HR: one verified skill of one person, to be upserted, or a skill HR holds that is no
 * longer verified, to be removed. The wire format (schema version {@value #SCHEMA_VERSION}) is
 * documented in docs/hr-sync-format.md; fields are only ever added under a new schema version.
 *
 * @param level      the verified level; for a removal, the level HR last received
 * @param verifiedAt when the skill became verified at that level; for a removal, as last sent
 * @param evidence   what the verification rests on (empty for a removal)
 */
@JsonPropertyOrder({"schemaVersion", "action", "hrEmployeeId", "email", "skillId", "skillName", "level",
        "verifiedAt", "evidence", "taxonomyVersion"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HrRecord(int schemaVersion, Action action, String hrEmployeeId, String email, String skillId,
                       String skillName, int level, Instant verifiedAt, List<EvidenceSummary> evidence,
                       String taxonomyVersion) {

    public static final int SCHEMA_VERSION = 1;

    public HrRecord {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(hrEmployeeId, "hrEmployeeId");
        Objects.requireNonNull(skillId, "skillId");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** What HR should do with the record. */
    public enum Action {
        @JsonProperty("upsert") UPSERT,
        @JsonProperty("remove") REMOVE
    }

    /** One piece of evidence behind a verified skill: its kind (wire name), its level and its date. */
    public record EvidenceSummary(String kind, int level, Instant occurredAt) {
    }
}
