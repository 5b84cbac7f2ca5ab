package dev.waypoint.core.taxonomy;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One value of a taxonomy file with its place, read as the type a field expects. A value of the wrong
 * type is reported in words an author understands ("expected a number, found text 'two'") and read as
 * null, so that reading carries on and every problem of the file ends up in the same report.
 */
record YamlValue(Node node, String path, Problems problems) {

    private static final Set<String> TRUE = Set.of("true", "yes", "on");
    private static final Set<String> FALSE = Set.of("false", "no", "off");

    Place place() {
        return Place.of(node, path);
    }

    void problem(String message) {
        problems.add(place(), message);
    }

    boolean isNull() {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    /** The value as written; numbers and dates stay as typed, so "1.10" does not become "1.1". */
    String text() {
        if (isScalar()) {
            return ((ScalarNode) node).getValue();
        }
        problem("expected text, found " + describe());
        return null;
    }

    Integer wholeNumber() {
        BigDecimal number = decimal();
        if (number == null) {
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException notWhole) {
            problem("expected a whole number, found " + ((ScalarNode) node).getValue());
            return null;
        }
    }

    Double number() {
        BigDecimal number = decimal();
        if (number == null) {
            return null;
        }
        double value = number.doubleValue();
        if (Double.isInfinite(value)) {
            problem("expected a number of reasonable size, found " + ((ScalarNode) node).getValue());
            return null;
        }
        return value;
    }

    Boolean bool() {
        if (isScalar()) {
            String value = ((ScalarNode) node).getValue().toLowerCase(Locale.ROOT);
            if (TRUE.contains(value)) {
                return true;
            }
            if (FALSE.contains(value)) {
                return false;
            }
        }
        problem("expected true or false, found " + describe());
        return null;
    }

    /** The items of a list, each with its position in the path. */
    List<YamlValue> items() {
        if (!(node instanceof SequenceNode sequence)) {
            problem("expected a list, found " + describe());
            return List.of();
        }
        List<YamlValue> items = new ArrayList<>();
        List<Node> values = sequence.getValue();
        for (int i = 0; i < values.size(); i++) {
            items.add(new YamlValue(values.get(i), path + "[" + i + "]", problems));
        }
        return items;
    }

    /** A list of ids or refs; an entry that is not text is reported and left out. */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (YamlValue item : items()) {
            String text = item.text();
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    /** The value as a map of fields; null (and reported) when it is something else. */
    YamlObject object() {
        if (node instanceof MappingNode mapping) {
            return new YamlObject(mapping, path, problems);
        }
        problem("expected a map of fields, found " + describe());
        return null;
    }

    /** How the author sees this value, for messages. */
    String describe() {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (isNull()) {
            return "nothing";
        }
        return "text '" + ((ScalarNode) node).getValue() + "'";
    }

    private BigDecimal decimal() {
        if (isScalar()) {
            String value = ((ScalarNode) node).getValue().replace("_", "");
            try {
                return new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
            } catch (NumberFormatException notANumber) {
                // falls through to the problem below
            }
        }
        problem("expected a number, found " + describe());
        return null;
    }
}
