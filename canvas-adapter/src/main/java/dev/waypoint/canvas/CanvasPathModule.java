package dev.waypoint.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The learner's path as a Canvas module (Modules API): one module per learner and role, named so it is
 * found again, an item per step (a link to the Canvas course, or a text header for assets outside
 * Canvas), and an assignment override so only that learner sees it ("Update a module's overrides").
 * Writing it twice adds nothing twice.
 */
final class CanvasPathModule {

    private final CanvasWriteBackTarget target;
    private final ObjectMapper json;

    CanvasPathModule(CanvasWriteBackTarget target, ObjectMapper json) {
        this.target = target;
        this.json = json;
    }

    void write(JsonNode write) throws com.fasterxml.jackson.core.JsonProcessingException {
        String course = "/api/v1/courses/" + target.courseId();
        String userId = write.get("canvasUserId").asText();
        String name = "Your path to " + write.get("roleTitle").asText() + " (" + userId + ")";
        String moduleId = null;
        for (JsonNode module : target.client().list(course + "/modules?search_term=" + URLEncoder.encode(name, StandardCharsets.UTF_8))) {
            if (name.equals(module.path("name").asText())) {
                moduleId = module.get("id").asText();
            }
        }
        if (moduleId == null) {
            ObjectNode create = json.createObjectNode();
            create.putObject("module").put("name", name).put("published", true);
            moduleId = target.client().send("POST", course + "/modules", "application/json", json.writeValueAsString(create))
                    .get("id").asText();
        }
        Set<String> titles = new HashSet<>();
        target.client().list(course + "/modules/" + moduleId + "/items").forEach(item -> titles.add(item.path("title").asText()));
        for (JsonNode step : write.path("steps")) {
            String title = step.get("title").asText();
            if (titles.contains(title)) {
                continue;
            }
            ObjectNode item = json.createObjectNode();
            ObjectNode moduleItem = item.putObject("module_item").put("title", title);
            if (step.hasNonNull("canvasCourseId")) {
                moduleItem.put("type", "ExternalUrl").put("new_tab", false)
                        .put("external_url", target.client().baseUrl() + "/courses/" + step.get("canvasCourseId").asText());
            } else {
                moduleItem.put("type", "SubHeader");
            }
            target.client().send("POST", course + "/modules/" + moduleId + "/items", "application/json", json.writeValueAsString(item));
        }
        ObjectNode overrides = json.createObjectNode();
        overrides.putArray("overrides").addObject().set("student_ids", json.valueToTree(List.of(Long.parseLong(userId))));
        target.client().send("PUT", course + "/modules/" + moduleId + "/assignment_overrides", "application/json",
                json.writeValueAsString(overrides));
    }
}
