package dev.waypoint.canvas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The learner's full path as a Canvas module (Modules API): one module per learner and role, named so it
 * is found again, one item per step in path order — a link to the Canvas course that teaches an asset,
 * a text header for an asset outside Canvas and for each milestone — each titled with its dates, and a
 * module assignment override so only that learner sees it ("Update a module's overrides").
 *
 * <p>Writing reconciles the module with the path instead of appending: the items already there are
 * matched by position, changed ones are updated in place ("Update a module item"), surplus ones deleted,
 * missing ones created. Writing the same path twice changes nothing; a changed path never leaves a second
 * module or stale items behind.
 */
final class CanvasPathModule {

    private final CanvasWriteBackTarget target;
    private final ObjectMapper json;

    CanvasPathModule(CanvasWriteBackTarget target, ObjectMapper json) {
        this.target = target;
        this.json = json;
    }

    /** One module item as the path wants it. */
    record Item(String type, String title, String externalUrl) {
    }

    void write(JsonNode write) throws JsonProcessingException {
        if (!write.path("steps").isArray()) {
            // no path could be planned this time: the module keeps the last one rather than being emptied
            return;
        }
        String course = "/api/v1/courses/" + target.courseId();
        String userId = write.get("canvasUserId").asText();
        String moduleId = moduleFor(course, "Your path to " + write.get("roleTitle").asText() + " (" + userId + ")");
        String items = course + "/modules/" + moduleId + "/items";
        List<Item> wanted = items(write);
        List<JsonNode> present = target.client().list(items);
        for (int i = 0; i < wanted.size(); i++) {
            Item item = wanted.get(i);
            JsonNode there = i < present.size() ? present.get(i) : null;
            if (there != null && item.type().equals(there.path("type").asText())) {
                if (!same(item, there, i + 1)) {
                    target.client().send("PUT", items + "/" + there.get("id").asText(), "application/json", body(item, i + 1, false));
                }
                continue;
            }
            if (there != null) {
                // Canvas cannot change an item's type: the one there goes, the right one takes its place
                target.client().send("DELETE", items + "/" + there.get("id").asText(), null, null);
                present.remove(i);
            }
            target.client().send("POST", items, "application/json", body(item, i + 1, true));
            present.add(i, null);
        }
        for (int i = present.size() - 1; i >= wanted.size(); i--) {
            target.client().send("DELETE", items + "/" + present.get(i).get("id").asText(), null, null);
        }
        ObjectNode overrides = json.createObjectNode();
        overrides.putArray("overrides").addObject().set("student_ids", json.valueToTree(List.of(Long.parseLong(userId))));
        target.client().send("PUT", course + "/modules/" + moduleId + "/assignment_overrides", "application/json",
                json.writeValueAsString(overrides));
    }

    /** The learner's module for the role: the one already there (by its exact name), else a new one. */
    private String moduleFor(String course, String name) throws JsonProcessingException {
        for (JsonNode module : target.client().list(course + "/modules?search_term=" + URLEncoder.encode(name, StandardCharsets.UTF_8))) {
            if (name.equals(module.path("name").asText())) {
                return module.get("id").asText();
            }
        }
        ObjectNode create = json.createObjectNode();
        create.putObject("module").put("name", name).put("published", true);
        return target.client().send("POST", course + "/modules", "application/json", json.writeValueAsString(create))
                .get("id").asText();
    }

    /** The module's items for the planned path; a learner with nothing left to learn sees one line saying so. */
    List<Item> items(JsonNode write) {
        List<Item> items = new ArrayList<>();
        JsonNode steps = write.path("steps");
        for (JsonNode step : steps) {
            String dates = step.get("startsOn").asText() + " to " + step.get("dueOn").asText();
            if ("milestone".equals(step.path("type").asText())) {
                items.add(new Item("SubHeader", "Milestone: " + step.get("title").asText() + " (due " + step.get("dueOn").asText() + ")", null));
            } else if (step.hasNonNull("canvasCourseId")) {
                items.add(new Item("ExternalUrl", step.get("title").asText() + " (" + dates + ")",
                        target.client().baseUrl() + "/courses/" + step.get("canvasCourseId").asText()));
            } else {
                items.add(new Item("SubHeader", step.get("title").asText() + " (" + dates + ")", null));
            }
        }
        if (items.isEmpty() && steps.isArray()) {
            items.add(new Item("SubHeader", "Nothing left on your path to " + write.get("roleTitle").asText(), null));
        }
        return items;
    }

    private static boolean same(Item item, JsonNode there, int position) {
        return item.title().equals(there.path("title").asText()) && there.path("position").asInt() == position
                && (item.externalUrl() == null || Objects.equals(item.externalUrl(), there.path("external_url").asText(null)));
    }

    private String body(Item item, int position, boolean create) throws JsonProcessingException {
        ObjectNode body = json.createObjectNode();
        ObjectNode moduleItem = body.putObject("module_item").put("title", item.title()).put("position", position);
        if (create) {
            moduleItem.put("type", item.type());
        }
        if (item.externalUrl() != null) {
            moduleItem.put("external_url", item.externalUrl());
            if (create) {
                moduleItem.put("new_tab", false);
            }
        }
        return json.writeValueAsString(body);
    }
}
