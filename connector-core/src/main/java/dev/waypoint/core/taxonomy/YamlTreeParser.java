package dev.waypoint.core.taxonomy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.StringReader;
import java.util.Optional;

/**
 * Turns the text of a taxonomy file into a tree of YAML nodes that still know their line and column.
 * Only the node tree is built, never Java objects, so no tag in the file can make the parser
 * instantiate a class; the limits keep a hostile upload (billion laughs, deep nesting, a huge file)
 * from exhausting memory. Broken YAML becomes one problem at the parser's position.
 */
final class YamlTreeParser {

    /** A taxonomy needs anchors rarely; a handful of reused blocks is plenty. */
    static final int MAX_ALIASES = 50;
    /** Our deepest structure is about six levels; anything far deeper is an attack or a mistake. */
    static final int MAX_NESTING = 32;
    /** About 4 MB of text: a large organisation's taxonomy is well under 1 MB. */
    static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

    private YamlTreeParser() {
    }

    static Optional<Node> parse(String yamlText, Problems problems) {
        Yaml yaml = new Yaml(options());
        try {
            // Editors on Windows often save UTF-8 with a byte-order mark; it is not content.
            String text = yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText;
            Node root = yaml.compose(new StringReader(text));
            if (root == null) {
                problems.add(new Place(1, 1, ""), "the file is empty: a taxonomy needs at least 'version'");
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException broken) {
            Mark mark = broken.getProblemMark() != null ? broken.getProblemMark() : broken.getContextMark();
            problems.add(Place.of(mark, ""), "this is not valid YAML: " + describe(broken));
            return Optional.empty();
        } catch (YAMLException refused) {
            problems.add(Place.nowhere(""), "the file cannot be read: " + refused.getMessage());
            return Optional.empty();
        }
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        // '<<: *defaults' is common in hand-written YAML; resolve it while we still have the nodes.
        options.setMergeOnCompose(true);
        return options;
    }

    /**
     * The parser's own wording, without its multi-line snippet of the file, and with the line where the
     * broken construct began: an unclosed quote is found at the end of the file but fixed where it opened.
     */
    private static String describe(MarkedYAMLException broken) {
        StringBuilder text = new StringBuilder();
        if (broken.getContext() != null) {
            text.append(broken.getContext());
            Mark began = broken.getContextMark();
            Mark found = broken.getProblemMark();
            if (began != null && found != null && began.getLine() != found.getLine()) {
                text.append(" (which began at line ").append(began.getLine() + 1).append(')');
            }
        }
        if (broken.getProblem() != null) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(broken.getProblem());
        }
        return text.isEmpty() ? broken.getClass().getSimpleName() : text.toString();
    }
}
