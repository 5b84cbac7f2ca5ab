package dev.waypoint.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.pathing.LearningPath;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.store.OutboxRepository.OutboxEntry;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.writeback.WriteBack;
import dev.waypoint.core.writeback.WriteBackFailure;
import dev.waypoint.xapi.statement.StatementFingerprint;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends readiness to the LRSs configured with {@code write-back: true}, as xAPI statements through the outbox:
 * the person's actor as the LRS knows them (their xAPI account, else their e-mail as mbox, else mbox_sha1sum or
 * openid), the verb {@value #VERB} on the activity "readiness for &lt;role&gt;", {@code result.score.scaled} = score
 * / 100 (raw 0–100) and the path summary as a result extension. The statement carries no timestamp or other
 * per-send value, and its id is a name-based UUID over its content: the same readiness is the same statement, so
 * the outbox skips it when it was already delivered, and a resend after a lost answer is a no-op at the LRS
 * (xAPI 1.0.3 Communication §2.1.1: the same id with the same content is accepted again without change).
 */
public final class XapiWriteBack implements WriteBack {

    public static final String TARGET = "xapi";
    public static final String VERB = "https://waypoint.dev/xapi/verbs/assessed-readiness";
    public static final String ACTIVITY = "https://waypoint.dev/xapi/activities/readiness/";
    public static final String ACTIVITY_TYPE = "https://waypoint.dev/xapi/activity-types/role-readiness";
    public static final String PATH_SUMMARY = "https://waypoint.dev/xapi/extensions/path-summary";
    public static final String BAND = "https://waypoint.dev/xapi/extensions/band";

    private final Map<String, XapiProperties.Lrs> lrss;
    private final Function<XapiProperties.Lrs, XapiClient> clients;
    private final Map<String, XapiClient> clientByLrs = new ConcurrentHashMap<>();
    private final Function<String, List<IdentityRef>> identities;
    private final ActiveTaxonomy taxonomy;
    private final BiFunction<Person, Readiness, LearningPath> paths;
    private final ObjectMapper json;

    /**
     * @param identities a person's identities, by person id
     * @param paths      plans the person's path to the readiness's role (the engine's {@code LearningPaths}); may throw
     */
    public XapiWriteBack(List<XapiProperties.Lrs> lrss, Function<XapiProperties.Lrs, XapiClient> clients,
                         Function<String, List<IdentityRef>> identities, ActiveTaxonomy taxonomy,
                         BiFunction<Person, Readiness, LearningPath> paths, ObjectMapper json) {
        this.lrss = lrss.stream().filter(XapiProperties.Lrs::writeBack)
                .collect(Collectors.toMap(XapiProperties.Lrs::name, Function.identity()));
        this.clients = clients;
        this.identities = identities;
        this.taxonomy = taxonomy;
        this.paths = paths;
        this.json = json;
    }

    @Override
    public String target() {
        return TARGET;
    }

    @Override
    public List<PlannedWrite> plan(Person person, Readiness readiness) {
        List<XapiProperties.Lrs> targets = lrss.values().stream().filter(l -> l.tenant().equals(person.tenantId()))
                .sorted(Comparator.comparing(XapiProperties.Lrs::name)).toList();
        if (targets.isEmpty()) {
            return List.of();
        }
        Optional<ObjectNode> actor = actor(person);
        if (actor.isEmpty()) {
            return List.of(); // no identity an LRS could know this person by
        }
        ObjectNode statement = statement(actor.get(), readiness, summary(person, readiness));
        List<PlannedWrite> writes = new ArrayList<>();
        for (XapiProperties.Lrs lrs : targets) {
            ObjectNode withId = statement.deepCopy();
            withId.put("id", statementId(lrs, statement));
            ObjectNode payload = json.createObjectNode().put("lrs", lrs.name());
            payload.set("statement", withId);
            writes.add(new PlannedWrite(person.tenantId(), lrs.name() + "/" + person.id() + "/" + readiness.roleId(),
                    payload.toString()));
        }
        return writes;
    }

    @Override
    public void deliver(OutboxEntry entry) throws WriteBackFailure {
        JsonNode payload;
        try {
            payload = json.readTree(entry.payload());
        } catch (JsonProcessingException e) {
            throw new WriteBackFailure("unreadable xAPI write-back payload: " + e.getOriginalMessage(), false, e);
        }
        XapiProperties.Lrs lrs = lrss.get(payload.path("lrs").asText());
        if (lrs == null) {
            // Kept for when the LRS is configured again, rather than dropped.
            throw new WriteBackFailure("no LRS '" + payload.path("lrs").asText() + "' is configured for write-back", true);
        }
        JsonNode statement = payload.path("statement");
        try {
            clientByLrs.computeIfAbsent(lrs.name(), n -> clients.apply(lrs)).put(statement.path("id").asText(), statement);
        } catch (LrsException e) {
            throw new WriteBackFailure(e.getMessage(), e.retryable(), e);
        } catch (UncheckedIOException | io.github.resilience4j.circuitbreaker.CallNotPermittedException e) {
            throw new WriteBackFailure("LRS " + lrs.name() + " unreachable: " + e.getMessage(), true, e);
        }
    }

    /** xAPI Data §2.4.2.1: one inverse functional identifier, the one the LRS is most likely to know. */
    private Optional<ObjectNode> actor(Person person) {
        List<IdentityRef> ids = identities.apply(person.id());
        ObjectNode actor = json.createObjectNode().put("objectType", "Agent");
        if (person.displayName() != null && !person.displayName().isBlank()) {
            actor.put("name", person.displayName());
        }
        for (IdentityKind kind : List.of(IdentityKind.XAPI_ACCOUNT, IdentityKind.EMAIL, IdentityKind.XAPI_MBOX_SHA1,
                IdentityKind.XAPI_OPENID)) {
            Optional<String> value = ids.stream().filter(id -> id.kind() == kind).map(IdentityRef::value).sorted().findFirst();
            if (value.isPresent()) {
                switch (kind) {
                    case XAPI_ACCOUNT -> {
                        int bar = value.get().lastIndexOf('|');
                        actor.putObject("account").put("homePage", value.get().substring(0, bar))
                                .put("name", value.get().substring(bar + 1));
                    }
                    case EMAIL -> actor.put("mbox", "mailto:" + value.get());
                    case XAPI_MBOX_SHA1 -> actor.put("mbox_sha1sum", value.get());
                    default -> actor.put("openid", value.get());
                }
                return Optional.of(actor);
            }
        }
        return Optional.empty();
    }

    private ObjectNode statement(ObjectNode actor, Readiness readiness, String summary) {
        String roleName = taxonomy.require().role(readiness.roleId()).map(Role::name).orElse(readiness.roleId());
        ObjectNode statement = json.createObjectNode();
        statement.set("actor", actor);
        statement.putObject("verb").put("id", VERB).putObject("display").put("en-US", "was assessed for readiness");
        ObjectNode object = statement.putObject("object").put("objectType", "Activity").put("id", ACTIVITY + readiness.roleId());
        ObjectNode definition = object.putObject("definition").put("type", ACTIVITY_TYPE);
        definition.putObject("name").put("en-US", "Readiness for " + roleName);
        ObjectNode result = statement.putObject("result");
        result.putObject("score").put("scaled", readiness.score() / 100.0).put("raw", readiness.score()).put("min", 0).put("max", 100);
        result.put("success", readiness.score() >= 80);
        result.putObject("extensions").put(PATH_SUMMARY, summary).put(BAND, readiness.band().wireName());
        statement.putObject("context").put("platform", "Waypoint");
        return statement;
    }

    /** The score, what blocks it, and the next steps by name and hours; no dates, so an unchanged path is unchanged text. */
    private String summary(Person person, Readiness readiness) {
        StringBuilder text = new StringBuilder("Readiness ").append(readiness.score()).append("/100 (")
                .append(readiness.band().wireName()).append(").");
        if (!readiness.blockingSkills().isEmpty()) {
            text.append(" Blocked by must-have skills: ").append(String.join(", ", readiness.blockingSkills())).append('.');
        }
        LearningPath path;
        try {
            path = paths.apply(person, readiness);
        } catch (RuntimeException e) {
            return text.toString(); // the score is worth sending even when no path can be planned
        }
        if (!path.steps().isEmpty()) {
            text.append(" Path: ").append(path.steps().size()).append(" step(s), ").append(Math.round(path.totalHours()))
                    .append(" h; next: ").append(path.steps().stream().limit(3).map(s -> s.name()).collect(Collectors.joining("; ")))
                    .append('.');
        }
        return text.toString();
    }

    /** Name-based (RFC 4122 §4.3) over the LRS and the statement's content, which names the person and the role. */
    private static String statementId(XapiProperties.Lrs lrs, JsonNode statement) {
        return StatementFingerprint.derivedId("waypoint-readiness:" + lrs.name(), StatementFingerprint.contentHash(statement));
    }
}
