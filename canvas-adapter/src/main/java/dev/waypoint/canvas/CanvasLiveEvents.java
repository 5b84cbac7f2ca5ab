package dev.waypoint.canvas;

import dev.waypoint.core.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Canvas Live Events in both formats Canvas delivers (Canvas Data Services, "Live Events"):
 * <ul>
 *   <li>Canvas raw: {@code {"metadata": {"event_name", "event_time", "user_id", "user_login", "user_sis_id", …}, "body": {…}}}
 *       with {@code course_completed}, {@code course_progress} and {@code grade_change};</li>
 *   <li>IMS Caliper 1.1: an envelope {@code {"sensor", "sendTime", "dataVersion", "data": [event…]}} or a single
 *       event, with {@code GradeEvent}/{@code Graded} and {@code Completed} of a course offering.</li>
 * </ul>
 * Ids are Canvas global ids ({@code shard · 10^13 + local id}); they are reduced to the local ids the REST
 * API uses, so a completion from a Live Event and one from a sync are the same fact.
 */
public final class CanvasLiveEvents {

    private static final long SHARD_FACTOR = 10_000_000_000_000L;
    private static final String CALIPER_URN = "urn:instructure:canvas:";

    private final ObjectMapper json;
    private final CanvasMapper mapper;

    public CanvasLiveEvents(ObjectMapper json, CanvasMapper mapper) {
        this.json = json;
        this.mapper = mapper;
    }

    public List<CanvasLiveEvent> read(String tenantId, String payload) {
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new CanvasLiveEventRejected("body", "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new CanvasLiveEventRejected("body", "a Live Event is a JSON object");
        }
        if (root.has("metadata")) {
            return List.of(raw(tenantId, root, payload));
        }
        if (root.has("data")) {
            if (!root.get("data").isArray() || root.get("data").isEmpty()) {
                throw new CanvasLiveEventRejected("data", "a Caliper envelope carries a non-empty list of events");
            }
            List<CanvasLiveEvent> events = new ArrayList<>();
            root.get("data").forEach(event -> events.add(caliper(tenantId, event)));
            return events;
        }
        if (root.has("@context") || root.has("action")) {
            return List.of(caliper(tenantId, root));
        }
        throw new CanvasLiveEventRejected("metadata", "neither a Canvas raw event (metadata, body) nor IMS Caliper (data or action)");
    }

    private CanvasLiveEvent raw(String tenantId, JsonNode root, String payload) {
        JsonNode metadata = root.get("metadata");
        JsonNode body = root.path("body");
        String name = require(metadata, "event_name", "metadata.event_name");
        Instant eventTime = requireTime(metadata, "event_time", "metadata.event_time");
        // Canvas raw events carry no event id: a redelivery is the same document, so its hash is the id
        String eventId = "raw:" + sha256(canonical(root));
        // metadata.user_* name whoever caused the event (a teacher, for grade_change); they are the learner's
        // identities only when metadata.user_id is the learner the body names
        List<IdentityRef> identities = new ArrayList<>();
        String userId = local(firstText(body.path("user"), "id", metadata, "user_id"));
        if (userId != null) {
            identities.add(IdentityRef.of(IdentityKind.CANVAS_USER_ID, userId));
            if (userId.equals(local(CanvasMapper.text(metadata, "user_id")))) {
                addIf(identities, IdentityKind.CANVAS_SIS_USER_ID, CanvasMapper.text(metadata, "user_sis_id"));
                addIf(identities, IdentityKind.CANVAS_LOGIN, CanvasMapper.text(metadata, "user_login"));
            }
            addIf(identities, IdentityKind.EMAIL, CanvasMapper.text(body.path("user"), "email"));
        }
        return switch (name) {
            case "course_completed", "course_progress" -> {
                JsonNode progress = body.path("progress");
                String courseId = local(firstText(body.path("course"), "id", metadata, "context_id"));
                Instant completedAt = CanvasMapper.instant(CanvasMapper.text(progress, "completed_at"));
                boolean allDone = progress.path("requirement_count").asInt(-1) >= 0
                        && progress.path("requirement_completed_count").asInt(-2) >= progress.path("requirement_count").asInt(-1);
                if (courseId == null) {
                    throw new CanvasLiveEventRejected("body.course.id", name + " names no course");
                }
                requireUser(userId, name);
                if (completedAt == null || (name.equals("course_progress") && !allDone)) {
                    yield new CanvasLiveEvent(eventId, name, Optional.empty(), "progress short of completion");
                }
                yield new CanvasLiveEvent(eventId, name, Optional.of(mapper.courseCompletion(tenantId, courseId, userId,
                        identities, CanvasMapper.text(body.path("user"), "name"), completedAt, null, payload)), null);
            }
            case "grade_change" -> {
                String assignmentId = local(CanvasMapper.text(body, "assignment_id"));
                String studentId = local(firstText(body, "student_id", body, "user_id"));
                requireUser(studentId, name);
                if (assignmentId == null) {
                    throw new CanvasLiveEventRejected("body.assignment_id", "grade_change names no assignment");
                }
                List<IdentityRef> student = new ArrayList<>();
                student.add(IdentityRef.of(IdentityKind.CANVAS_USER_ID, studentId));
                addIf(student, IdentityKind.CANVAS_SIS_USER_ID, CanvasMapper.text(body, "student_sis_id"));
                if (!body.path("score").isNumber()) {
                    yield new CanvasLiveEvent(eventId, name, Optional.empty(), "no score (grade removed or not numeric)");
                }
                double possible = body.path("points_possible").asDouble(0);
                Double scaled = possible > 0 ? Math.max(0, Math.min(1, body.get("score").asDouble() / possible)) : null;
                yield new CanvasLiveEvent(eventId, name, Optional.of(new LearningSignal(tenantId, student, null,
                        EvidenceKind.ASSESSMENT, "canvas:assignment:" + assignmentId, List.of(), eventTime, scaled,
                        CanvasMapper.SOURCE, "submission:" + assignmentId + ":user:" + studentId + ":graded:" + eventTime,
                        null, payload)), null);
            }
            default -> throw new CanvasLiveEventRejected("metadata.event_name",
                    "unsupported Live Event '" + name + "': subscribe to course_completed, course_progress or grade_change");
        };
    }

    private CanvasLiveEvent caliper(String tenantId, JsonNode event) {
        String eventId = require(event, "id", "data[].id");
        String type = require(event, "type", "data[].type");
        String action = require(event, "action", "data[].action");
        Instant eventTime = requireTime(event, "eventTime", "data[].eventTime");
        JsonNode actor = event.path("actor");
        String userId = urnId(CanvasMapper.text(actor, "id"), "user");
        JsonNode canvasExtensions = actor.path("extensions").path("com.instructure.canvas");
        List<IdentityRef> identities = new ArrayList<>();
        JsonNode object = event.path("object");
        String name = type + "/" + action;
        if (type.equals("GradeEvent") && action.equals("Graded")) {
            userId = urnId(CanvasMapper.text(object.path("assignee"), "id"), "user");
            String assignmentId = urnId(CanvasMapper.text(object.path("assignable"), "id"), "assignment");
            requireUser(userId, name);
            if (assignmentId == null) {
                throw new CanvasLiveEventRejected("data[].object.assignable.id", "a GradeEvent names no Canvas assignment");
            }
            identities.add(IdentityRef.of(IdentityKind.CANVAS_USER_ID, userId));
            JsonNode score = event.path("generated");
            if (!score.path("scoreGiven").isNumber()) {
                return new CanvasLiveEvent(eventId, name, Optional.empty(), "no score given");
            }
            double max = score.path("maxScore").asDouble(0);
            Double scaled = max > 0 ? Math.max(0, Math.min(1, score.get("scoreGiven").asDouble() / max)) : null;
            return new CanvasLiveEvent(eventId, name, Optional.of(new LearningSignal(tenantId, identities, null,
                    EvidenceKind.ASSESSMENT, "canvas:assignment:" + assignmentId, List.of(), eventTime, scaled,
                    CanvasMapper.SOURCE, "submission:" + assignmentId + ":user:" + userId + ":graded:" + eventTime,
                    null, event.toString())), null);
        }
        if (action.equals("Completed") && urnId(CanvasMapper.text(object, "id"), "course") != null) {
            String courseId = urnId(CanvasMapper.text(object, "id"), "course");
            requireUser(userId, name);
            identities.add(IdentityRef.of(IdentityKind.CANVAS_USER_ID, userId));
            addIf(identities, IdentityKind.CANVAS_SIS_USER_ID, CanvasMapper.text(canvasExtensions, "user_sis_id"));
            addIf(identities, IdentityKind.CANVAS_LOGIN, CanvasMapper.text(canvasExtensions, "user_login"));
            return new CanvasLiveEvent(eventId, name, Optional.of(mapper.courseCompletion(tenantId, courseId, userId,
                    identities, CanvasMapper.text(actor, "name"), eventTime, null, event.toString())), null);
        }
        throw new CanvasLiveEventRejected("data[].type", "unsupported Caliper event " + name
                + ": Waypoint reads GradeEvent/Graded and Completed of a course");
    }

    /** {@code urn:instructure:canvas:user:21070000000000123} → {@code 123}; null when it is not that kind. */
    private static String urnId(String urn, String kind) {
        if (urn == null || !urn.startsWith(CALIPER_URN + kind + ":")) {
            return null;
        }
        return local(urn.substring((CALIPER_URN + kind + ":").length()));
    }

    /** A Canvas global id reduced to the local id the REST API shows; other ids pass unchanged. */
    static String local(String id) {
        if (id == null) {
            return null;
        }
        try {
            long value = Long.parseLong(id.trim());
            return String.valueOf(value >= SHARD_FACTOR ? value % SHARD_FACTOR : value);
        } catch (NumberFormatException e) {
            return id.trim();
        }
    }

    private static void requireUser(String userId, String name) {
        if (userId == null) {
            throw new CanvasLiveEventRejected("user", name + " names no Canvas user");
        }
    }

    private static String firstText(JsonNode first, String firstField, JsonNode second, String secondField) {
        String value = CanvasMapper.text(first, firstField);
        return value != null ? value : CanvasMapper.text(second, secondField);
    }

    private static String require(JsonNode node, String field, String name) {
        String value = CanvasMapper.text(node, field);
        if (value == null) {
            throw new CanvasLiveEventRejected(name, "is required");
        }
        return value;
    }

    private static Instant requireTime(JsonNode node, String field, String name) {
        Instant value = CanvasMapper.instant(require(node, field, name));
        if (value == null) {
            throw new CanvasLiveEventRejected(name, "is not an ISO 8601 time");
        }
        return value;
    }

    private static void addIf(List<IdentityRef> identities, IdentityKind kind, String value) {
        if (value != null && !value.isBlank()) {
            identities.add(IdentityRef.of(kind, value));
        }
    }

    private String canonical(JsonNode node) {
        try {
            return json.copy().configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsString(json.convertValue(node, java.util.TreeMap.class));
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    private static String sha256(String text) {
        return Sha256.hex(text);
    }
}
