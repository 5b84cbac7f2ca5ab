package dev.waypoint.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.waypoint.xapi.statement.LogstoreQuirks;
import dev.waypoint.xapi.statement.StatementFingerprint;
import dev.waypoint.xapi.statement.StatementValidator;
import dev.waypoint.xapi.statement.Violation;
import dev.waypoint.xapi.statement.XapiStatement;
import dev.waypoint.xapi.statement.XapiVersion;
import dev.waypoint.xapi.store.JdbcStatementStore;
import dev.waypoint.xapi.store.StatementRow;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statement resource's rules (xAPI 1.0.3 Communication §2.1, IEEE 9274.1.1 §5.2) apart from HTTP: one
 * statement or an array; every statement valid or none stored; ids kept, or derived from the content when
 * missing (logstore_xapi sends none and resends a batch it thinks failed); a known id with the same content
 * accepted again without change, with other content a 409; {@code stored} and {@code authority} ours.
 */
public final class StatementIntake {

    private final ObjectMapper json;
    private final StatementValidator validator = new StatementValidator();
    private final JdbcStatementStore store;
    private final XapiProperties properties;
    private final Clock clock;

    public StatementIntake(ObjectMapper json, JdbcStatementStore store, XapiProperties properties, Clock clock) {
        // Trailing text is StatementBody's to find: this feature would refuse every array element but the last.
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** POST: one statement or an array of them. */
    public IntakeResult post(String tenantId, String authority, XapiVersion version, byte[] body) {
        StatementBody read;
        try {
            read = StatementBody.read(json, body);
        } catch (JsonProcessingException e) {
            return notJson(e);
        } catch (java.io.IOException e) {
            return new IntakeResult.Refused(400, "the body could not be read", List.of());
        }
        if (read.statements().isEmpty()) {
            return read.array()
                    ? new IntakeResult.Refused(400, "the array holds no statements", List.of(new Violation("$", "must not be empty")))
                    : new IntakeResult.Refused(400, "the body is empty; send a statement or an array of statements", List.of());
        }
        return intake(tenantId, authority, version, read.statements(), read.array(), null);
    }

    /** PUT with {@code statementId}: one statement, whose id (if it carries one) must be that id. */
    public IntakeResult put(String tenantId, String authority, XapiVersion version, String statementId, byte[] body) {
        if (statementId == null || !StatementValidator.isUuidText(statementId)) {
            return new IntakeResult.Refused(400, "PUT needs the statementId parameter, a UUID",
                    List.of(new Violation("statementId", "must be a UUID")));
        }
        StatementBody read;
        try {
            read = StatementBody.read(json, body);
        } catch (JsonProcessingException e) {
            return notJson(e);
        } catch (java.io.IOException e) {
            return new IntakeResult.Refused(400, "the body could not be read", List.of());
        }
        if (read.array() || read.statements().size() != 1 || !read.statements().get(0).tree().isObject()) {
            return new IntakeResult.Refused(400, "PUT takes exactly one statement (a JSON object)",
                    List.of(new Violation("$", "must be a JSON object")));
        }
        JsonNode id = read.statements().get(0).tree().get("id");
        if (id != null && !(id.isTextual() && id.asText().equalsIgnoreCase(statementId))) {
            return new IntakeResult.Refused(400, "the statement's id differs from the statementId parameter",
                    List.of(new Violation("$.id", "must equal the statementId parameter " + statementId)));
        }
        return intake(tenantId, authority, version, read.statements(), false, statementId.toLowerCase());
    }

    /**
     * Statements pulled from another LRS: the same rules, as one batch. They carry that LRS's {@code stored}
     * and {@code authority}; ours replace them in our row, the raw JSON keeps theirs.
     */
    public IntakeResult pulled(String tenantId, String authority, XapiVersion version, List<JsonNode> statements) {
        return intake(tenantId, authority, version,
                statements.stream().map(s -> new StatementBody.Sent(s.deepCopy(), null)).toList(), true, null);
    }

    /** {@code putId}: the statementId of a PUT, which is the statement's id whether or not it carries one. */
    private IntakeResult intake(String tenantId, String authority, XapiVersion version, List<StatementBody.Sent> statements,
                                boolean array, String putId) {
        List<Violation> violations = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<Integer, List<String>> warningsByStatement = new HashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            String path = array ? "$[" + i + "]" : "$";
            JsonNode statement = statements.get(i).tree();
            if (!properties.strict() && statement.isObject()) {
                List<String> repaired = LogstoreQuirks.repair(statement);
                repaired.forEach(w -> warnings.add(path + ": " + w));
                warningsByStatement.put(i, repaired);
            }
            violations.addAll(validator.validate(statement, path, version));
        }
        if (!violations.isEmpty()) {
            return new IntakeResult.Refused(400, violations.size() + " violation(s) of the xAPI statement rules; nothing was stored",
                    violations);
        }
        Instant stored = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<String> ids = new ArrayList<>();
        Map<String, StatementRow> rows = new LinkedHashMap<>();
        Map<String, Integer> explicitIds = new HashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            StatementBody.Sent sent = statements.get(i);
            ObjectNode statement = (ObjectNode) sent.tree();
            String hash = StatementFingerprint.contentHash(statement);
            String id;
            if (putId != null) {
                id = putId;
            } else if (statement.hasNonNull("id")) {
                id = statement.get("id").asText().toLowerCase();
                Integer earlier = explicitIds.put(id, i);
                if (earlier != null) {
                    String path = array ? "$[" + i + "].id" : "$.id";
                    return new IntakeResult.Refused(400, "the batch holds the id " + id + " twice; nothing was stored",
                            List.of(new Violation(path, "repeats the id of $[" + earlier + "]")));
                }
            } else {
                // The same content twice in one batch is one statement: the same derived id, stored once.
                id = StatementFingerprint.derivedId(tenantId, hash);
            }
            List<String> repairs = warningsByStatement.get(i);
            String raw = repairs == null || repairs.isEmpty() ? sent.storedText(id) : null;
            if (raw == null) {
                statement.set("id", TextNode.valueOf(id));
            }
            ids.add(id);
            rows.putIfAbsent(id, row(tenantId, id, hash, statement, raw, repairs, authority, version, stored));
        }
        JdbcStatementStore.BatchResult result = store.storeBatch(List.copyOf(rows.values()));
        if (result.conflict()) {
            return new IntakeResult.Refused(409, "statement " + result.conflictingId()
                    + " is already stored with different content; nothing was stored",
                    List.of(new Violation(pathOf(ids, result.conflictingId(), array), "conflicts with the stored statement of this id")));
        }
        return new IntakeResult.Accepted(ids, result.newlyStored(), warnings);
    }

    /** {@code raw}: the text to store, or null to write the (changed) tree out. */
    private StatementRow row(String tenantId, String id, String hash, ObjectNode statement, String raw, List<String> warnings,
                             String authority, XapiVersion version, Instant stored) {
        JsonNode object = statement.get("object");
        String objectType = object.path("objectType").asText("Activity");
        String objectId = object.hasNonNull("id") && ("Activity".equals(objectType) || "StatementRef".equals(objectType))
                ? object.get("id").asText() : null;
        String verb = statement.get("verb").get("id").asText();
        String voids = StatementValidator.VOIDED.equals(verb) ? objectId.toLowerCase() : null;
        String actorKey = XapiMapper.actorKey(readActor(statement.get("actor")));
        if (raw == null) {
            try {
                raw = json.writeValueAsString(statement);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a parsed statement always writes back", e);
            }
        }
        return new StatementRow(tenantId, id, hash, actorKey, verb, objectId, voids, raw,
                warnings == null || warnings.isEmpty() ? null : String.join("\n", warnings), authority,
                version.latestPatch(), stored, properties.verbs().containsKey(verb));
    }

    /** The identifying part of a validated actor, read off the tree (binding it with Jackson cost more than the rest). */
    private static XapiStatement.Agent readActor(JsonNode actor) {
        JsonNode account = actor.get("account");
        return new XapiStatement.Agent(null, null, text(actor.get("mbox")), text(actor.get("mbox_sha1sum")),
                text(actor.get("openid")), account == null ? null
                : new XapiStatement.Account(text(account.get("homePage")), text(account.get("name"))));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String pathOf(List<String> ids, String id, boolean array) {
        return array ? "$[" + ids.indexOf(id) + "].id" : "$.id";
    }

    private static IntakeResult notJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new IntakeResult.Refused(400, "the body is not JSON" + where + ": " + e.getOriginalMessage(), List.of());
    }
}
