package dev.waypoint.canvas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.LtiSubject;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.store.OutboxRepository.OutboxEntry;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.pathing.LearningPath;
import dev.waypoint.core.pathing.PathStep;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.Taxonomy;
import dev.waypoint.core.writeback.WriteBack;
import dev.waypoint.core.writeback.WriteBackFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Writes readiness back into Canvas, through the outbox:
 * <ul>
 *   <li>an AGS line item "Readiness: &lt;role&gt;" (scoreMaximum 100) in the tenant's course and the learner's
 *       score on it (LTI AGS 2.0 §3.2 line items, §3.4 scores: {@code FullyGraded}, a fresh {@code timestamp}
 *       each time, the path summary in the comment the learner sees), through Canvas's {@code /api/lti/} endpoints;</li>
 *   <li>machine-readable state in the user's {@code custom_data} under namespace {@value #NAMESPACE} (Users API);</li>
 *   <li>when enabled, the learner's full path (every step and milestone, dated) as a module of that course,
 *       updated in place when the path changes and visible only to the learner through a module assignment
 *       override (Modules API "Update a module's overrides"); see {@link CanvasPathModule}.</li>
 * </ul>
 */
public final class CanvasWriteBack implements WriteBack {

    public static final String TARGET = "canvas.readiness";
    public static final String NAMESPACE = "dev.waypoint";
    static final String LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";
    static final String LINE_ITEMS = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    static final String SCORE = "application/vnd.ims.lis.v1.score+json";
    private static final Logger log = LoggerFactory.getLogger(CanvasWriteBack.class);
    /** Steps named in the gradebook comment; the module shows them all. */
    private static final int COMMENT_STEPS = 5;

    private final Function<String, Optional<CanvasWriteBackTarget>> targets;
    private final Function<String, List<IdentityRef>> identitiesOfPerson;
    private final ActiveTaxonomy taxonomy;
    private final BiFunction<Person, Readiness, LearningPath> paths;
    private final CanvasAgsTokens agsTokens;
    private final ObjectMapper json;
    private final Clock clock;

    /**
     * @param targets where a tenant's results go, read at each plan and delivery (configuration may change)
     * @param paths   the learner's full path towards the readiness's role, as the planner makes it
     */
    public CanvasWriteBack(Function<String, Optional<CanvasWriteBackTarget>> targets, Function<String, List<IdentityRef>> identitiesOfPerson,
                           ActiveTaxonomy taxonomy, BiFunction<Person, Readiness, LearningPath> paths,
                           CanvasAgsTokens agsTokens, ObjectMapper json, Clock clock) {
        this.targets = targets;
        this.identitiesOfPerson = identitiesOfPerson;
        this.taxonomy = taxonomy;
        this.paths = paths;
        this.agsTokens = agsTokens;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String target() {
        return TARGET;
    }

    @Override
    public List<PlannedWrite> plan(Person person, Readiness readiness) {
        if (targets.apply(person.tenantId()).isEmpty()) {
            return List.of();
        }
        List<IdentityRef> identities = identitiesOfPerson.apply(person.id());
        // AGS addresses the user by the bare sub; the identity keeps it issuer-qualified.
        Optional<String> ltiSub = value(identities, IdentityKind.LTI_SUB).map(LtiSubject::subOf);
        Optional<String> canvasUser = value(identities, IdentityKind.CANVAS_USER_ID);
        if (ltiSub.isEmpty() && canvasUser.isEmpty()) {
            return List.of();
        }
        Taxonomy current = taxonomy.require();
        String roleTitle = current.role(readiness.roleId()).map(Role::name).orElse(readiness.roleId());
        ObjectNode payload = json.createObjectNode()
                .put("personId", person.id()).put("roleId", readiness.roleId()).put("roleTitle", roleTitle)
                .put("score", readiness.score()).put("band", readiness.band().toString());
        ltiSub.ifPresent(sub -> payload.put("ltiSub", sub));
        canvasUser.ifPresent(id -> payload.put("canvasUserId", id));
        pathOf(person, readiness, current).ifPresent(path -> payload.set("steps", steps(path, current)));
        return List.of(new PlannedWrite(person.tenantId(), person.id() + "/" + readiness.roleId(), payload.toString()));
    }

    @Override
    public void deliver(OutboxEntry entry) throws WriteBackFailure {
        CanvasWriteBackTarget target = targets.apply(entry.tenantId()).orElse(null);
        if (target == null) {
            throw new WriteBackFailure("no Canvas is configured for tenant " + entry.tenantId(), true);
        }
        try {
            JsonNode write = json.readTree(entry.payload());
            if (write.hasNonNull("ltiSub")) {
                score(entry.tenantId(), target, write);
            }
            if (write.hasNonNull("canvasUserId")) {
                customData(target, write);
                if (target.pathModule()) {
                    new CanvasPathModule(target, json).write(write);
                }
            }
        } catch (CanvasAgsTokens.Unavailable e) {
            throw new WriteBackFailure(e.getMessage(), true, e);
        } catch (CanvasException e) {
            throw new WriteBackFailure("Canvas refused the readiness write: " + e.getMessage(), e.retryable(), e);
        } catch (JsonProcessingException e) {
            throw new WriteBackFailure("the outbox row is not the JSON this write-back wrote", false, e);
        }
    }

    private void score(String tenantId, CanvasWriteBackTarget target, JsonNode write) throws JsonProcessingException {
        String token = agsTokens.bearerFor(tenantId, List.of(CanvasAgsTokens.LINE_ITEM_SCOPE, CanvasAgsTokens.SCORE_SCOPE));
        String resourceId = "waypoint:readiness:" + write.get("roleId").asText();
        String lineItems = "/api/lti/courses/" + target.courseId() + "/line_items";
        JsonNode found = target.client().sendWithToken("GET", lineItems + "?resource_id="
                + URLEncoder.encode(resourceId, StandardCharsets.UTF_8), null, LINE_ITEMS, null, token);
        String lineItemUrl;
        if (found.isArray() && !found.isEmpty()) {
            lineItemUrl = found.get(0).get("id").asText();
        } else {
            ObjectNode lineItem = json.createObjectNode().put("scoreMaximum", 100)
                    .put("label", "Readiness: " + write.get("roleTitle").asText())
                    .put("resourceId", resourceId).put("tag", "waypoint-readiness");
            lineItemUrl = target.client().sendWithToken("POST", lineItems, LINE_ITEM, LINE_ITEM, json.writeValueAsString(lineItem), token)
                    .get("id").asText();
        }
        ObjectNode score = json.createObjectNode()
                .put("userId", write.get("ltiSub").asText())
                .put("scoreGiven", write.get("score").asInt()).put("scoreMaximum", 100)
                .put("comment", summary(write))
                // AGS ignores a score whose timestamp is not newer than the last one: the delivery time, to the millisecond
                .put("timestamp", clock.instant().toString())
                .put("activityProgress", "Completed").put("gradingProgress", "FullyGraded");
        String scoresUrl = lineItemUrl.contains("?") ? lineItemUrl.replaceFirst("\\?", "/scores?") : lineItemUrl + "/scores";
        target.client().sendWithToken("POST", scoresUrl, SCORE, "application/json", json.writeValueAsString(score), token);
    }

    private void customData(CanvasWriteBackTarget target, JsonNode write) throws JsonProcessingException {
        ObjectNode body = json.createObjectNode().put("ns", NAMESPACE);
        body.putObject("data").put("score", write.get("score").asInt()).put("band", write.get("band").asText())
                .put("roleTitle", write.get("roleTitle").asText()).set("steps", write.get("steps"));
        target.client().send("PUT", "/api/v1/users/" + write.get("canvasUserId").asText() + "/custom_data/readiness/"
                        + URLEncoder.encode(write.get("roleId").asText(), StandardCharsets.UTF_8) + "?ns=" + NAMESPACE,
                "application/json", json.writeValueAsString(body));
    }

    /** What the learner reads in the gradebook comment: the score, the band and the next steps. */
    static String summary(JsonNode write) {
        StringBuilder text = new StringBuilder("Readiness for ").append(write.get("roleTitle").asText()).append(": ")
                .append(write.get("score").asInt()).append("/100 (").append(write.get("band").asText()).append(").");
        JsonNode steps = write.path("steps");
        if (!steps.isEmpty()) {
            text.append(" Your path: ");
            for (int i = 0; i < Math.min(steps.size(), COMMENT_STEPS); i++) {
                text.append(i == 0 ? "" : ", ").append(i + 1).append(". ").append(steps.get(i).get("title").asText())
                        .append(" (by ").append(steps.get(i).get("dueOn").asText()).append(')');
            }
            text.append(steps.size() > COMMENT_STEPS ? ", … (" + steps.size() + " steps in all)." : ".");
        }
        return text.toString();
    }

    /** The learner's path, or empty when none can be planned (the score is still worth writing). */
    private Optional<LearningPath> pathOf(Person person, Readiness readiness, Taxonomy current) {
        try {
            return Optional.of(paths.apply(person, readiness));
        } catch (RuntimeException e) {
            log.info("no path for person {} towards {} in taxonomy {}: {}", person.id(), readiness.roleId(),
                    current.version(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Every step of the path in order, dated, with the Canvas course an asset is taught in. */
    private ArrayNode steps(LearningPath path, Taxonomy current) {
        ArrayNode steps = json.createArrayNode();
        for (PathStep step : path.steps()) {
            ObjectNode node = steps.addObject().put("order", step.order())
                    .put("type", step.type() == PathStep.StepType.MILESTONE ? "milestone" : "asset")
                    .put("refId", step.refId()).put("title", step.name()).put("hours", step.hours())
                    .put("startsOn", step.startsOn().toString()).put("dueOn", step.dueOn().toString());
            if (step.type() == PathStep.StepType.ASSET) {
                Optional.ofNullable(current.assets().get(step.refId())).stream()
                        .flatMap(asset -> asset.lmsRefs().stream())
                        .filter(ref -> ref.startsWith("canvas:course:")).findFirst()
                        .ifPresent(ref -> node.put("canvasCourseId", ref.substring("canvas:course:".length())));
            }
        }
        return steps;
    }

    private static Optional<String> value(List<IdentityRef> identities, IdentityKind kind) {
        return identities.stream().filter(i -> i.kind() == kind).map(IdentityRef::value).findFirst();
    }
}
