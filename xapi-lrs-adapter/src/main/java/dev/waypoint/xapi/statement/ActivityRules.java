package dev.waypoint.xapi.statement;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * The rules for Activities and their definitions (xAPI 1.0.3 Data §2.4.4.1, IEEE 9274.1.1 §4.2.2.3):
 * an id IRI, language-mapped name and description, a type IRI, a moreInfo IRL, the interaction types
 * and their component lists, and IRI-keyed extensions.
 */
final class ActivityRules {

    private static final Set<String> ACTIVITY_PROPERTIES = Set.of("objectType", "id", "definition");
    private static final Set<String> DEFINITION_PROPERTIES = Set.of("name", "description", "type", "moreInfo",
            "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps", "extensions");
    private static final Set<String> INTERACTION_TYPES = Set.of("true-false", "choice", "fill-in", "long-fill-in",
            "matching", "performance", "sequencing", "likert", "numeric", "other");
    private static final Set<String> COMPONENT_LISTS = Set.of("choices", "scale", "source", "target", "steps");

    private ActivityRules() {
    }

    static void activity(JsonNode node, String path, Findings findings) {
        if (!findings.object(node, path)) {
            return;
        }
        findings.onlyKnown(node, path, ACTIVITY_PROPERTIES);
        JsonNode type = node.get("objectType");
        if (type != null && !(type.isTextual() && type.asText().equals("Activity"))) {
            findings.add(path + ".objectType", "must be \"Activity\" here");
        }
        if (!node.has("id")) {
            findings.add(path + ".id", "an Activity needs an id IRI");
        } else {
            findings.iri(node.get("id"), path + ".id");
        }
        JsonNode definition = node.get("definition");
        if (definition != null && !definition.isNull()) {
            definition(definition, path + ".definition", findings);
        }
    }

    private static void definition(JsonNode node, String path, Findings findings) {
        if (!node.isObject()) {
            findings.add(path, "must be a JSON object");
            return;
        }
        findings.onlyKnown(node, path, DEFINITION_PROPERTIES);
        if (node.has("name")) {
            findings.languageMap(node.get("name"), path + ".name");
        }
        if (node.has("description")) {
            findings.languageMap(node.get("description"), path + ".description");
        }
        if (node.has("type")) {
            findings.iri(node.get("type"), path + ".type");
        }
        if (node.has("moreInfo")) {
            findings.irl(node.get("moreInfo"), path + ".moreInfo");
        }
        if (node.has("extensions")) {
            findings.extensions(node.get("extensions"), path + ".extensions");
        }
        JsonNode interactionType = node.get("interactionType");
        boolean interaction = interactionType != null && !interactionType.isNull();
        if (interaction && findings.string(interactionType, path + ".interactionType")
                && !INTERACTION_TYPES.contains(interactionType.asText())) {
            findings.add(path + ".interactionType", "must be one of " + INTERACTION_TYPES);
        }
        if (node.has("correctResponsesPattern")) {
            if (!interaction) {
                findings.add(path + ".correctResponsesPattern", "only an interaction (with an interactionType) has correct responses");
            }
            JsonNode pattern = node.get("correctResponsesPattern");
            if (!pattern.isArray()) {
                findings.add(path + ".correctResponsesPattern", "must be an array of strings");
            } else {
                for (int i = 0; i < pattern.size(); i++) {
                    findings.string(pattern.get(i), path + ".correctResponsesPattern[" + i + "]");
                }
            }
        }
        for (String list : COMPONENT_LISTS) {
            if (node.has(list)) {
                if (!interaction) {
                    findings.add(path + "." + list, "only an interaction (with an interactionType) has " + list);
                }
                components(node.get(list), path + "." + list, findings);
            }
        }
    }

    /** Data §2.4.4.1.1.2: interaction components, each an id string and a language-mapped description, ids unique. */
    private static void components(JsonNode node, String path, Findings findings) {
        if (!node.isArray()) {
            findings.add(path, "must be an array of interaction components");
            return;
        }
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode component = node.get(i);
            if (!findings.object(component, at)) {
                continue;
            }
            findings.onlyKnown(component, at, Set.of("id", "description"));
            if (!component.has("id")) {
                findings.add(at + ".id", "an interaction component needs an id");
            } else if (findings.string(component.get("id"), at + ".id") && !seen.add(component.get("id").asText())) {
                findings.add(at + ".id", "component ids must be unique within the list");
            }
            if (component.has("description")) {
                findings.languageMap(component.get("description"), at + ".description");
            }
        }
    }
}
