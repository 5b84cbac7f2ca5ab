package dev.waypoint.xapi.statement;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/**
 * Checks one statement against xAPI 1.0.3 Data §2 and IEEE 9274.1.1 (xAPI 2.0) §4.2 and reports every
 * violation with its JSON path, not just the first: the structure of the statement, actor and object
 * (see {@link AgentRules}, {@link ActivityRules}), result and score ranges, the context rules
 * (revision and platform only on Activities, contextAgents and contextGroups only from 2.0 on),
 * voiding (the object of {@code voided} is a StatementRef), SubStatements, and attachments.
 */
public final class StatementValidator {

    public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    private static final Set<String> STATEMENT_PROPERTIES = Set.of("id", "actor", "verb", "object", "result", "context",
            "timestamp", "stored", "authority", "version", "attachments");
    private static final Set<String> SUB_STATEMENT_PROPERTIES = Set.of("objectType", "actor", "verb", "object", "result",
            "context", "timestamp", "attachments");
    private static final Set<String> RESULT_PROPERTIES = Set.of("score", "success", "completion", "response", "duration", "extensions");
    private static final Set<String> SCORE_PROPERTIES = Set.of("scaled", "raw", "min", "max");
    private static final Set<String> CONTEXT_1_0 = Set.of("registration", "instructor", "team", "contextActivities",
            "revision", "platform", "language", "statement", "extensions");
    private static final Set<String> CONTEXT_2_0 = Set.of("registration", "instructor", "team", "contextActivities",
            "revision", "platform", "language", "statement", "extensions", "contextAgents", "contextGroups");
    private static final Set<String> CONTEXT_ACTIVITY_KINDS = Set.of("parent", "grouping", "category", "other");
    private static final Set<String> ATTACHMENT_PROPERTIES = Set.of("usageType", "display", "description", "contentType",
            "length", "sha2", "fileUrl");

    /** Whether {@code text} is a UUID in the canonical form statement ids take. */
    public static boolean isUuidText(String text) {
        return Findings.isUuid(text);
    }

    /** Every violation of {@code statement}, reported under {@code path} (e.g. {@code $[3]}); empty when valid. */
    public List<Violation> validate(JsonNode statement, String path, XapiVersion version) {
        Findings findings = new Findings();
        if (!findings.object(statement, path)) {
            return findings.violations();
        }
        findings.onlyKnown(statement, path, STATEMENT_PROPERTIES);
        if (statement.has("id")) {
            findings.uuid(statement.get("id"), path + ".id");
        }
        body(statement, path, version, findings, false);
        if (statement.has("stored")) {
            findings.timestamp(statement.get("stored"), path + ".stored");
        }
        if (statement.has("authority")) {
            AgentRules.agentOrGroup(statement.get("authority"), path + ".authority", findings);
        }
        if (statement.has("version") && findings.string(statement.get("version"), path + ".version")
                && XapiVersion.parse(statement.get("version").asText()).isEmpty()) {
            findings.add(path + ".version", "must be a 1.0.x or 2.0.x version");
        }
        return findings.violations();
    }

    /** What statements and SubStatements share: actor, verb, object, result, context, timestamp, attachments. */
    private void body(JsonNode statement, String path, XapiVersion version, Findings findings, boolean sub) {
        if (!statement.has("actor")) {
            findings.add(path + ".actor", "a statement needs an actor");
        } else {
            AgentRules.agentOrGroup(statement.get("actor"), path + ".actor", findings);
        }
        String verbId = verb(statement.get("verb"), path + ".verb", findings);
        JsonNode object = statement.get("object");
        if (object == null) {
            findings.add(path + ".object", "a statement needs an object");
        } else {
            object(object, path + ".object", version, findings, sub);
            if (VOIDED.equals(verbId) && !"StatementRef".equals(object.path("objectType").asText())) {
                findings.add(path + ".object", "a voiding statement's object must be the StatementRef of the statement it voids");
            }
        }
        if (statement.has("result")) {
            result(statement.get("result"), path + ".result", findings);
        }
        if (statement.has("context")) {
            context(statement.get("context"), path + ".context", object, version, findings);
        }
        if (statement.has("timestamp")) {
            findings.timestamp(statement.get("timestamp"), path + ".timestamp");
        }
        if (statement.has("attachments")) {
            attachments(statement.get("attachments"), path + ".attachments", findings);
        }
    }

    private String verb(JsonNode verb, String path, Findings findings) {
        if (verb == null) {
            findings.add(path, "a statement needs a verb");
            return null;
        }
        if (!findings.object(verb, path)) {
            return null;
        }
        findings.onlyKnown(verb, path, Set.of("id", "display"));
        if (verb.has("display")) {
            findings.languageMap(verb.get("display"), path + ".display");
        }
        if (!verb.has("id")) {
            findings.add(path + ".id", "a verb needs an id IRI");
            return null;
        }
        return findings.iri(verb.get("id"), path + ".id") ? verb.get("id").asText() : null;
    }

    private void object(JsonNode object, String path, XapiVersion version, Findings findings, boolean sub) {
        if (!findings.object(object, path)) {
            return;
        }
        JsonNode typeNode = object.get("objectType");
        String type = typeNode == null ? "Activity" : typeNode.asText();
        if (typeNode != null && !typeNode.isTextual()) {
            findings.add(path + ".objectType", "must be a string");
            return;
        }
        switch (type) {
            case "Activity" -> ActivityRules.activity(object, path, findings);
            case "Agent", "Group" -> AgentRules.agentOrGroup(object, path, findings);
            case "StatementRef" -> {
                findings.onlyKnown(object, path, Set.of("objectType", "id"));
                if (!object.has("id")) {
                    findings.add(path + ".id", "a StatementRef needs the id of the statement it refers to");
                } else {
                    findings.uuid(object.get("id"), path + ".id");
                }
            }
            case "SubStatement" -> {
                if (sub) {
                    findings.add(path + ".objectType", "a SubStatement must not contain another SubStatement");
                    return;
                }
                findings.onlyKnown(object, path, SUB_STATEMENT_PROPERTIES);
                body(object, path, version, findings, true);
            }
            default -> findings.add(path + ".objectType", "must be Activity, Agent, Group, StatementRef or SubStatement");
        }
    }

    private void result(JsonNode result, String path, Findings findings) {
        if (!result.isObject()) {
            findings.add(path, "must be a JSON object");
            return;
        }
        findings.onlyKnown(result, path, RESULT_PROPERTIES);
        if (result.has("success")) {
            findings.bool(result.get("success"), path + ".success");
        }
        if (result.has("completion")) {
            findings.bool(result.get("completion"), path + ".completion");
        }
        if (result.has("response")) {
            findings.string(result.get("response"), path + ".response");
        }
        if (result.has("duration")) {
            findings.duration(result.get("duration"), path + ".duration");
        }
        if (result.has("extensions")) {
            findings.extensions(result.get("extensions"), path + ".extensions");
        }
        if (result.has("score")) {
            score(result.get("score"), path + ".score", findings);
        }
    }

    /** Data §2.4.5.1: scaled in [-1, 1]; min < max; raw between them. */
    private void score(JsonNode score, String path, Findings findings) {
        if (!score.isObject()) {
            findings.add(path, "must be a JSON object");
            return;
        }
        findings.onlyKnown(score, path, SCORE_PROPERTIES);
        for (String part : SCORE_PROPERTIES) {
            if (score.has(part) && !score.get(part).isNull()) {
                findings.number(score.get(part), path + "." + part);
            }
        }
        JsonNode scaled = score.get("scaled");
        if (scaled != null && scaled.isNumber() && (scaled.asDouble() < -1 || scaled.asDouble() > 1)) {
            findings.add(path + ".scaled", "must be between -1 and 1");
        }
        JsonNode min = score.get("min");
        JsonNode max = score.get("max");
        JsonNode raw = score.get("raw");
        boolean hasMin = min != null && min.isNumber();
        boolean hasMax = max != null && max.isNumber();
        if (hasMin && hasMax && min.asDouble() >= max.asDouble()) {
            findings.add(path + ".min", "must be less than max");
        }
        if (raw != null && raw.isNumber()) {
            if (hasMin && raw.asDouble() < min.asDouble()) {
                findings.add(path + ".raw", "must not be below min");
            }
            if (hasMax && raw.asDouble() > max.asDouble()) {
                findings.add(path + ".raw", "must not be above max");
            }
        }
    }

    private void context(JsonNode context, String path, JsonNode object, XapiVersion version, Findings findings) {
        if (!context.isObject()) {
            findings.add(path, "must be a JSON object");
            return;
        }
        findings.onlyKnown(context, path, version == XapiVersion.V2_0 ? CONTEXT_2_0 : CONTEXT_1_0);
        if (context.has("registration")) {
            findings.uuid(context.get("registration"), path + ".registration");
        }
        if (context.has("instructor")) {
            AgentRules.agentOrGroup(context.get("instructor"), path + ".instructor", findings);
        }
        if (context.has("team")) {
            AgentRules.group(context.get("team"), path + ".team", findings);
        }
        boolean activityObject = object != null && object.isObject()
                && (!object.has("objectType") || "Activity".equals(object.get("objectType").asText()));
        for (String onlyOnActivities : List.of("revision", "platform")) {
            if (context.has(onlyOnActivities)) {
                findings.string(context.get(onlyOnActivities), path + "." + onlyOnActivities);
                if (!activityObject) {
                    findings.add(path + "." + onlyOnActivities, "may only be used when the statement's object is an Activity");
                }
            }
        }
        if (context.has("language")) {
            findings.languageTag(context.get("language"), path + ".language");
        }
        if (context.has("statement")) {
            JsonNode ref = context.get("statement");
            if (findings.object(ref, path + ".statement")) {
                findings.onlyKnown(ref, path + ".statement", Set.of("objectType", "id"));
                if (!"StatementRef".equals(ref.path("objectType").asText())) {
                    findings.add(path + ".statement.objectType", "must be \"StatementRef\"");
                }
                findings.uuid(ref.get("id"), path + ".statement.id");
            }
        }
        if (context.has("extensions")) {
            findings.extensions(context.get("extensions"), path + ".extensions");
        }
        if (context.has("contextActivities")) {
            contextActivities(context.get("contextActivities"), path + ".contextActivities", findings);
        }
        if (version == XapiVersion.V2_0) {
            contextActors(context.get("contextAgents"), path + ".contextAgents", "contextAgent", "agent", findings);
            contextActors(context.get("contextGroups"), path + ".contextGroups", "contextGroup", "group", findings);
        }
    }

    private void contextActivities(JsonNode node, String path, Findings findings) {
        if (!findings.object(node, path)) {
            return;
        }
        findings.onlyKnown(node, path, CONTEXT_ACTIVITY_KINDS);
        node.fields().forEachRemaining(e -> {
            String at = path + "." + e.getKey();
            JsonNode value = e.getValue();
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    ActivityRules.activity(value.get(i), at + "[" + i + "]", findings);
                }
            } else if (value.isObject()) {
                // 1.0.x allowed a single Activity here; LRSs accept it and treat it as a list of one.
                ActivityRules.activity(value, at, findings);
            } else if (!value.isNull()) {
                findings.add(at, "must be an Activity or an array of Activities");
            }
        });
    }

    /** IEEE 9274.1.1 §4.2.2.5: contextAgents / contextGroups, each with an optional list of relevant type IRIs. */
    private void contextActors(JsonNode list, String path, String objectType, String member, Findings findings) {
        if (list == null) {
            return;
        }
        if (!list.isArray()) {
            findings.add(path, "must be an array of " + objectType + " objects");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode entry = list.get(i);
            if (!findings.object(entry, at)) {
                continue;
            }
            findings.onlyKnown(entry, at, Set.of("objectType", member, "relevantTypes"));
            if (!objectType.equals(entry.path("objectType").asText())) {
                findings.add(at + ".objectType", "must be \"" + objectType + "\"");
            }
            if (!entry.has(member)) {
                findings.add(at + "." + member, "is required");
            } else if (member.equals("agent")) {
                AgentRules.agent(entry.get(member), at + "." + member, findings);
            } else {
                AgentRules.group(entry.get(member), at + "." + member, findings);
            }
            JsonNode types = entry.get("relevantTypes");
            if (types != null) {
                if (!types.isArray() || types.isEmpty()) {
                    findings.add(at + ".relevantTypes", "must be a non-empty array of IRIs");
                } else {
                    for (int t = 0; t < types.size(); t++) {
                        findings.iri(types.get(t), at + ".relevantTypes[" + t + "]");
                    }
                }
            }
        }
    }

    /**
     * Data §2.4.11: attachments. This receiver takes JSON only, so an attachment must point at its content
     * with fileUrl; one whose bytes would travel in a multipart/mixed body is refused by name.
     */
    private void attachments(JsonNode node, String path, Findings findings) {
        if (!node.isArray()) {
            findings.add(path, "must be an array of attachments");
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode a = node.get(i);
            if (!findings.object(a, at)) {
                continue;
            }
            findings.onlyKnown(a, at, ATTACHMENT_PROPERTIES);
            for (String required : List.of("usageType", "display", "contentType", "length", "sha2")) {
                if (!a.has(required)) {
                    findings.add(at + "." + required, "is required on an attachment");
                }
            }
            if (a.has("usageType")) {
                findings.iri(a.get("usageType"), at + ".usageType");
            }
            if (a.has("display")) {
                findings.languageMap(a.get("display"), at + ".display");
            }
            if (a.has("description")) {
                findings.languageMap(a.get("description"), at + ".description");
            }
            if (a.has("contentType")) {
                findings.string(a.get("contentType"), at + ".contentType");
            }
            if (a.has("length") && (!a.get("length").canConvertToLong() || !a.get("length").isIntegralNumber()
                    || a.get("length").asLong() < 0)) {
                findings.add(at + ".length", "must be a non-negative whole number of octets");
            }
            if (a.has("sha2")) {
                findings.string(a.get("sha2"), at + ".sha2");
            }
            if (!a.has("fileUrl")) {
                findings.add(at + ".fileUrl", "attachment content sent as multipart/mixed is not accepted here; give a fileUrl");
            } else {
                findings.irl(a.get("fileUrl"), at + ".fileUrl");
            }
        }
    }
}
