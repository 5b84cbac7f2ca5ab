package dev.waypoint.app.hrsync;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One HR record flattened for CSV: the evidence summary becomes one cell of
 * {@code kind:level:date} entries separated by semicolons (docs/hr-sync-format.md).
 */
@JsonPropertyOrder({"schemaVersion", "action", "hrEmployeeId", "email", "skillId", "skillName", "level",
        "verifiedAt", "evidence", "taxonomyVersion"})
record CsvRecord(int schemaVersion, String action, String hrEmployeeId, String email, String skillId,
                 String skillName, int level, String verifiedAt, String evidence, String taxonomyVersion) {

    static CsvRecord of(JsonNode r) {
        StringBuilder evidence = new StringBuilder();
        for (JsonNode e : r.path("evidence")) {
            if (evidence.length() > 0) {
                evidence.append(';');
            }
            evidence.append(e.path("kind").asText()).append(':').append(e.path("level").asInt()).append(':')
                    .append(e.path("occurredAt").asText());
        }
        return new CsvRecord(r.path("schemaVersion").asInt(), r.path("action").asText(),
                r.path("hrEmployeeId").asText(), text(r, "email"), r.path("skillId").asText(),
                text(r, "skillName"), r.path("level").asInt(), text(r, "verifiedAt"), evidence.toString(),
                text(r, "taxonomyVersion"));
    }

    private static String text(JsonNode r, String field) {
        JsonNode value = r.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
