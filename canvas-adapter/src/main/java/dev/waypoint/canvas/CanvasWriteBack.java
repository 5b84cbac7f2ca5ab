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
import dev.waypoint.core.taxonomy.LearningAsset;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.Taxonomy;
import dev.waypoint.core.writeback.WriteBack;
import dev.waypoint.core.writeback.WriteBackFailure;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes readiness back into Canvas, through the outbox:
 * <ul>
 *   <li>an AGS line item "Readiness: &lt;role&gt;" (scoreMaximum 100) in the tenant's course and the learner's
 *       score on it (LTI AGS 2.0 §3.2 line items, §3.4 scores: {@code FullyGraded}, a fresh {@code timestamp}
 *       each time, the path summary in the comment the learner sees), through Canvas's {@code /api/lti/} endpoints;</li>
 *   <li>machine-readable state in the user's {@code custom_data} under namespace {@value #NAMESPACE} (Users API);</li>
 *   <li>when enabled, the path as a module of that course, visible only to the learner through a module
 *       assignment override (Modules API "Update a module's overrides").</li>
 * </ul>
 */
public final class CanvasWriteBack implements WriteBack {

    public static final String TARGET = "canvas.readiness";
    public static final String NAMESPACE = "dev.waypoint";
    static final String LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";
    static final String LINE_ITEMS = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    static final String SCORE = "application/vnd.ims.lis.v1.score+json";
    private static final double GAP_BELOW = 0.8;

    private final Function<String, Optional<CanvasWriteBackTarget>> targets;
    private final Function<String, List<IdentityRef>> identitiesOfPerson;
    private final ActiveTaxonomy taxonomy;
    private final CanvasAgsTokens agsTokens;
    private final ObjectMapper json;
    private final Clock clock;

    /** {@code targets}: where a tenant's results go, read at each plan and delivery (configuration may change). */
    public CanvasWriteBack(Function<String, Optional<CanvasWriteBackTarget>> targets, Function<String, List<IdentityRef>> identitiesOfPerson,
                           ActiveTaxonomy taxonomy, CanvasAgsTokens agsTokens, ObjectMapper json, Clock clock) {
        this.targets = targets;
        this.identitiesOfPerson = identitiesOfPerson;
        this.taxonomy = taxonomy;
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
        ArrayNode steps = payload.putArray("steps");
        readiness.skills().stream().filter(s -> s.score() < GAP_BELOW)
                .sorted(Comparator.comparingDouble((Readiness.SkillScore s) -> -s.weight() * (1 - s.score())))
                .forEach(gap -> assetFor(current, gap.skillId()).ifPresent(asset -> {
                    if (steps.findValuesAsText("assetId").contains(asset.id())) {
                        return;
                    }
                    ObjectNode step = steps.addObject().put("assetId", asset.id()).put("title", asset.name())
                            .put("skillId", gap.skillId());
                    asset.lmsRefs().stream().filter(ref -> ref.startsWith("canvas:course:")).findFirst()
                            .ifPresent(ref -> step.put("canvasCourseId", ref.substring("canvas:course:".length())));
                }));
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
            for (int i = 0; i < steps.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(i + 1).append(". ").append(steps.get(i).get("title").asText());
            }
            text.append('.');
        }
        return text.toString();
    }

    private static Optional<LearningAsset> assetFor(Taxonomy taxonomy, String skillId) {
        return taxonomy.assets().values().stream()
                .filter(asset -> asset.teaches().stream().anyMatch(g -> g.skillId().equals(skillId)))
                .min(Comparator.comparingDouble(LearningAsset::hours).thenComparing(LearningAsset::id));
    }

    private static Optional<String> value(List<IdentityRef> identities, IdentityKind kind) {
        return identities.stream().filter(i -> i.kind() == kind).map(IdentityRef::value).findFirst();
    }
}
