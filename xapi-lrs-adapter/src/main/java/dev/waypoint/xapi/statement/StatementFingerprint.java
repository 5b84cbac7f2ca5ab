package dev.waypoint.xapi.statement;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.waypoint.core.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What makes two statements the same statement (xAPI 1.0.3 Communication §2.1.3, "statement comparison"):
 * the content hash over the statement with its keys in a fixed order, leaving out what the LRS sets or
 * the sender may vary (id, stored, authority, version). It decides 204 against 409 for a known id, and
 * gives a statement sent without id (logstore_xapi sends none) an id derived from its content, so a
 * resent batch gets the same ids and is recognised instead of stored twice.
 *
 * <p>The canonical text must never change (stored hashes and derived ids depend on it): keys sorted, strings
 * quoted as Jackson writes them, numbers by value. It is written straight into a buffer, because going through
 * Jackson's serialiser for every key and string was a fifth of the CPU of a statement POST.
 */
public final class StatementFingerprint {

    private static final Set<String> NOT_CONTENT = Set.of("id", "stored", "authority", "version");
    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

    private StatementFingerprint() {
    }

    /** Lower-case hex SHA-256 of the canonical content. */
    public static String contentHash(JsonNode statement) {
        StringBuilder canonical = new StringBuilder(1024);
        writeObject(statement, canonical, NOT_CONTENT);
        return Sha256.hex(canonical.toString());
    }

    /** The id a statement without one gets: name-based (RFC 4122 §4.3) on tenant and content hash. */
    public static String derivedId(String tenantId, String contentHash) {
        return UUID.nameUUIDFromBytes((tenantId + "\u001f" + contentHash).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            writeObject(node, out, Set.of());
        } else if (node.isArray()) {
            out.append('[');
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(array.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            quoted(node.textValue(), out);
        } else if (node.isInt() || node.isLong()) {
            out.append(node.longValue());
        } else if (node.isNumber()) {
            // 1, 1.0 and 1e0 are the same score.
            out.append(node.decimalValue().stripTrailingZeros().toPlainString());
        } else {
            out.append(node.toString());
        }
    }

    /** The members in key order, leaving out {@code skipped}; sorted as entries, so no member is looked up again. */
    private static void writeObject(JsonNode node, StringBuilder out, Set<String> skipped) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
        node.fields().forEachRemaining(member -> {
            if (!skipped.contains(member.getKey())) {
                members.add(member);
            }
        });
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quoted(members.get(i).getKey(), out);
            out.append(':');
            write(members.get(i).getValue(), out);
        }
        out.append('}');
    }

    private static void quoted(String text, StringBuilder out) {
        out.append('"');
        QUOTE.quoteAsString(text, out);
        out.append('"');
    }
}
