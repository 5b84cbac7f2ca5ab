package dev.waypoint.xapi;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement POST or PUT body read in one pass: each statement's tree, and where its text lies in the body.
 * The stored raw JSON is then the sender's own text with our id put in front, instead of the tree written out
 * again: writing it out cost more than reading it, and the sender's text is the better audit record.
 *
 * @param array whether the body was a JSON array (paths are then {@code $[i]})
 */
record StatementBody(boolean array, List<Sent> statements) {

    /** One statement as sent: its tree and its text (null when the element is not an object). */
    record Sent(JsonNode tree, String text) {

        /**
         * The text to store for this statement under {@code id}: the sender's text when it already carries exactly
         * that id, with the id added in front when it carries none; null when neither holds (an id in other case,
         * or a tree changed on the way in), and the tree must be written out instead.
         */
        String storedText(String id) {
            if (text == null) {
                return null;
            }
            JsonNode given = tree.get("id");
            if (given == null) {
                // Validation has passed, so the object has members and a comma after the id is right.
                return "{\"id\":\"" + id + "\"," + text.substring(1);
            }
            return given.isTextual() && given.textValue().equals(id) ? text : null;
        }
    }

    /**
     * Reads {@code body}; an empty body gives no statements and {@code array} false. Throws on text that is not
     * JSON, or that goes on after the first value, naming the line and column.
     */
    static StatementBody read(ObjectMapper json, byte[] body) throws IOException {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            List<Sent> statements = new ArrayList<>();
            boolean array = first == JsonToken.START_ARRAY;
            if (array) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    statements.add(element(json, parser, body));
                }
            } else if (first != null) {
                statements.add(element(json, parser, body));
            }
            if (first != null && parser.nextToken() != null) {
                throw new JsonParseException(parser, "more follows the end of the JSON value");
            }
            return new StatementBody(array, statements);
        }
    }

    private static Sent element(ObjectMapper json, JsonParser parser, byte[] body) throws IOException {
        boolean object = parser.currentToken() == JsonToken.START_OBJECT;
        long start = parser.currentTokenLocation().getByteOffset();
        JsonNode tree = json.readTree(parser);
        if (tree == null) {
            tree = NullNode.instance;
        }
        long end = parser.currentLocation().getByteOffset();
        boolean spanned = object && start >= 0 && end > start + 1 && end <= body.length
                && body[(int) start] == '{' && body[(int) end - 1] == '}';
        return new Sent(tree, spanned ? new String(body, (int) start, (int) (end - start), StandardCharsets.UTF_8) : null);
    }
}
