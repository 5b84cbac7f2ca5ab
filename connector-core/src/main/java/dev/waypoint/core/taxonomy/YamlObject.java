package dev.waypoint.core.taxonomy;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One map of fields in a taxonomy file (a skill, a role requirement, a milestone…) with typed access
 * to its fields. A missing field, a field of the wrong type, a repeated key and a key Waypoint does not
 * know are each reported at their line; keys starting with {@code x-} or {@code x_} are the author's own
 * notes and always pass.
 */
final class YamlObject {

    private final MappingNode node;
    private final String path;
    private final Problems problems;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    /** A field as written: its key (for the key's own place) and its value. */
    record Field(YamlValue key, YamlValue value) {
    }

    YamlObject(MappingNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            YamlValue key = new YamlValue(tuple.getKeyNode(), path, problems);
            if (!key.isScalar()) {
                key.problem("a key must be a plain name, found " + key.describe());
                continue;
            }
            String name = ((ScalarNode) tuple.getKeyNode()).getValue();
            YamlValue value = new YamlValue(tuple.getValueNode(), fieldPath(name), problems);
            Field earlier = fields.putIfAbsent(name, new Field(key, value));
            if (earlier != null) {
                // YAML parsers disagree on which of two equal keys wins; the author must pick.
                problems.add(Place.of(tuple.getKeyNode(), fieldPath(name)), "'" + name
                        + "' appears twice in the same entry (first at line " + earlier.key().place().line() + ")");
            }
        }
    }

    String path() {
        return path;
    }

    Place place() {
        return Place.of(node, path);
    }

    String fieldPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(String message) {
        problems.add(place(), message);
    }

    boolean has(String key) {
        return field(key).isPresent();
    }

    /** Every field as written, in file order; for maps keyed by id. */
    List<Field> fields() {
        return new ArrayList<>(fields.values());
    }

    /** The field's value; absent when the key is missing or has no value. */
    Optional<YamlValue> field(String key) {
        Field field = fields.get(key);
        return field == null || field.value().isNull() ? Optional.empty() : Optional.of(field.value());
    }

    /** The field's value, or null after reporting that it is missing or empty. */
    YamlValue required(String key) {
        Field field = fields.get(key);
        if (field == null) {
            problems.add(place().withPath(fieldPath(key)), "'" + key + "' is missing");
            return null;
        }
        if (field.value().isNull()) {
            field.value().problem("'" + key + "' is empty");
            return null;
        }
        return field.value();
    }

    String text(String key) {
        return field(key).map(YamlValue::text).orElse(null);
    }

    String requiredText(String key) {
        YamlValue value = required(key);
        return value == null ? null : value.text();
    }

    Integer wholeNumber(String key) {
        return field(key).map(YamlValue::wholeNumber).orElse(null);
    }

    Integer requiredWholeNumber(String key) {
        YamlValue value = required(key);
        return value == null ? null : value.wholeNumber();
    }

    Double number(String key) {
        return field(key).map(YamlValue::number).orElse(null);
    }

    Double requiredNumber(String key) {
        YamlValue value = required(key);
        return value == null ? null : value.number();
    }

    boolean bool(String key, boolean absent) {
        Boolean value = field(key).map(YamlValue::bool).orElse(null);
        return value == null ? absent : value;
    }

    List<String> texts(String key) {
        return field(key).map(YamlValue::texts).orElse(List.of());
    }

    List<YamlValue> items(String key) {
        return field(key).map(YamlValue::items).orElse(List.of());
    }

    List<YamlValue> requiredItems(String key) {
        YamlValue value = required(key);
        if (value == null) {
            return List.of();
        }
        List<YamlValue> items = value.items();
        if (value.isList() && items.isEmpty()) {
            value.problem("'" + key + "' needs at least one entry");
        }
        return items;
    }

    /** Reports every key outside {@code known}: in Waypoint's own sections a typo must not pass silently. */
    void allowOnly(List<String> known) {
        for (Map.Entry<String, Field> entry : fields.entrySet()) {
            String key = entry.getKey();
            if (!known.contains(key) && !isAuthorNote(key)) {
                problems.add(entry.getValue().key().place().withPath(fieldPath(key)), "unknown field '" + key + "'"
                        + SimilarNames.hint(key, known) + "; known fields: " + String.join(", ", known));
            }
        }
    }

    /**
     * Lets unknown keys through (HR teams keep their own fields, such as salary bands, next to ours) but
     * reports a key that is one slip away from one of ours, since that is a typo rather than an HR field.
     */
    void allowOthersExceptTyposOf(List<String> known) {
        for (Map.Entry<String, Field> entry : fields.entrySet()) {
            String key = entry.getKey();
            if (known.contains(key) || isAuthorNote(key)) {
                continue;
            }
            SimilarNames.closest(key, known).ifPresent(meant -> problems.add(
                    entry.getValue().key().place().withPath(fieldPath(key)),
                    "unknown field '" + key + "' (did you mean '" + meant + "'?)"));
        }
    }

    private static boolean isAuthorNote(String key) {
        return key.startsWith("x-") || key.startsWith("x_");
    }
}
