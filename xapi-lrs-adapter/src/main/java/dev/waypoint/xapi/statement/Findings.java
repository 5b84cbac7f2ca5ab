package dev.waypoint.xapi.statement;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The violations found so far in one statement, and the value-level checks of xAPI 1.0.3 Data §4.2
 * (IRIs, UUIDs, language maps, timestamps, durations) every rule class shares. Each check reports at
 * the path it was given and answers whether the value passed, so callers can stop descending into a
 * value that is already wrong.
 */
final class Findings {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.+");
    /** RFC 5646 in the shape LRSs check: a primary subtag of 2–3 (or 4–8) letters, then subtags of 1–8 alphanumerics. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("(?:[A-Za-z]{2,3}|[A-Za-z]{4,8})(?:-[A-Za-z0-9]{1,8})*");
    /** ISO 8601 durations as xAPI uses them (Data §4.6): PnYnMnDTnHnMnS or PnW. */
    private static final Pattern DURATION = Pattern.compile(
            "P(?:\\d+W|(?=\\d|T\\d)(?:\\d+Y)?(?:\\d+M)?(?:\\d+D)?(?:T(?=\\d)(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?)?)");

    private static final KnownIris KNOWN = new KnownIris();

    private final List<Violation> violations = new ArrayList<>();

    void add(String path, String rule) {
        violations.add(new Violation(path, rule));
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    boolean object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            add(path, "must be a JSON object");
            return false;
        }
        if (node.isEmpty()) {
            add(path, "must not be an empty object");
            return false;
        }
        return true;
    }

    boolean string(JsonNode node, String path) {
        if (node == null || !node.isTextual()) {
            add(path, "must be a string");
            return false;
        }
        return true;
    }

    /** Data §2.2: no property other than the ones the object type defines; no null values. */
    void onlyKnown(JsonNode object, String path, Set<String> known) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!known.contains(field.getKey())) {
                add(path + "." + field.getKey(), "is not a property of this object in xAPI");
            } else if (field.getValue().isNull()) {
                add(path + "." + field.getKey(), "must not be null; leave the property out instead");
            }
        }
    }

    boolean iri(JsonNode node, String path) {
        if (!string(node, path)) {
            return false;
        }
        return iriText(node.asText(), path);
    }

    boolean iriText(String text, String path) {
        if (!isIri(text)) {
            add(path, "must be an absolute IRI (scheme:...), got '" + abbreviate(text) + "'");
            return false;
        }
        return true;
    }

    static boolean isIri(String text) {
        if (KNOWN.contains(text)) {
            return true;
        }
        boolean valid = checkIri(text);
        if (valid) {
            KNOWN.add(text);
        }
        return valid;
    }

    private static boolean checkIri(String text) {
        if (!SCHEME.matcher(text).matches() || text.chars().anyMatch(c -> c <= 0x20 || c == '<' || c == '>' || c == '"')) {
            return false;
        }
        try {
            // IRIs may hold non-ASCII letters; URI accepts them in its "other" category.
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** An IRL: an IRI that can be fetched (http or https). */
    boolean irl(JsonNode node, String path) {
        if (!iri(node, path)) {
            return false;
        }
        String text = node.asText().toLowerCase();
        if (!text.startsWith("http://") && !text.startsWith("https://")) {
            add(path, "must be a resolvable IRL (http or https)");
            return false;
        }
        return true;
    }

    boolean uuid(JsonNode node, String path) {
        if (!string(node, path)) {
            return false;
        }
        if (!isUuid(node.asText())) {
            add(path, "must be a UUID in its canonical 8-4-4-4-12 form (RFC 4122 variant)");
            return false;
        }
        return true;
    }

    static boolean isUuid(String text) {
        return UUID.matcher(text).matches();
    }

    /** Data §4.2.2: keys are RFC 5646 tags, values strings. */
    void languageMap(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            add(path, "must be a language map (an object of RFC 5646 tag → string)");
            return;
        }
        node.fields().forEachRemaining(e -> {
            if (!LANGUAGE_TAG.matcher(e.getKey()).matches()) {
                add(path + "." + e.getKey(), "is not an RFC 5646 language tag");
            }
            if (!e.getValue().isTextual()) {
                add(path + "." + e.getKey(), "must be a string");
            }
        });
    }

    void languageTag(JsonNode node, String path) {
        if (string(node, path) && !LANGUAGE_TAG.matcher(node.asText()).matches()) {
            add(path, "must be an RFC 5646 language tag");
        }
    }

    /** Data §4.1.5 (extensions): an object whose keys are IRIs; the values may be any JSON. */
    void extensions(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            add(path, "must be an object of IRI → value");
            return;
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!isIri(key)) {
                add(path + "['" + key + "']", "an extension key must be an absolute IRI");
            }
        });
    }

    /** Data §4.5: ISO 8601 date-time; 2.0 requires the offset, and we require it of 1.0.x too. */
    void timestamp(JsonNode node, String path) {
        if (!string(node, path)) {
            return;
        }
        try {
            OffsetDateTime.parse(node.asText());
        } catch (DateTimeParseException e) {
            add(path, "must be an ISO 8601 date-time with a time zone offset, e.g. 2026-06-01T10:00:00Z");
        }
    }

    void duration(JsonNode node, String path) {
        if (string(node, path) && !DURATION.matcher(node.asText()).matches()) {
            add(path, "must be an ISO 8601 duration such as PT1H30M");
        }
    }

    boolean bool(JsonNode node, String path) {
        if (node == null || !node.isBoolean()) {
            add(path, "must be true or false");
            return false;
        }
        return true;
    }

    boolean number(JsonNode node, String path) {
        if (node == null || !node.isNumber()) {
            add(path, "must be a number");
            return false;
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
