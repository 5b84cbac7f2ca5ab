package dev.waypoint.xapi.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Repairs for what Moodle's logstore_xapi plugin is known to send that is not valid xAPI, applied before
 * validation when the receiver is lenient. Today one: automatic badge awards carry
 * {@code context.instructor: "System"} (a string, not an Agent); the field is dropped and a warning kept
 * with the statement, so a real Moodle's badges are not refused. Strict receivers skip this and refuse.
 */
public final class LogstoreQuirks {

    private LogstoreQuirks() {
    }

    /** Repairs {@code statement} in place; answers a warning per repair, empty when nothing was changed. */
    public static List<String> repair(JsonNode statement) {
        List<String> warnings = new ArrayList<>();
        JsonNode context = statement.get("context");
        if (context instanceof ObjectNode contextObject) {
            JsonNode instructor = contextObject.get("instructor");
            if (instructor != null && instructor.isTextual()) {
                contextObject.remove("instructor");
                warnings.add("context.instructor '" + instructor.asText()
                        + "' is not an Agent (logstore_xapi automatic award); dropped");
                if (contextObject.isEmpty()) {
                    ((ObjectNode) statement).remove("context");
                }
            }
        }
        return warnings;
    }
}
