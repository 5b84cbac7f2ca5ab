package dev.waypoint.xapi.statement;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for Agents and Groups (xAPI 1.0.3 Data §2.4.2, IEEE 9274.1.1 §4.2.2.1): an Agent has exactly
 * one inverse functional identifier (mbox, mbox_sha1sum, openid, account); an identified Group at most
 * one, an anonymous Group none but members; members are Agents, never Groups.
 */
final class AgentRules {

    static final Set<String> IFIS = Set.of("mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> AGENT_PROPERTIES = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> GROUP_PROPERTIES = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member");
    private static final Pattern MAILTO = Pattern.compile("mailto:[^@\\s]+@[^@\\s]+");
    private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-fA-F]{40}");

    private AgentRules() {
    }

    /** An actor, instructor or object that may be an Agent or a Group. */
    static void agentOrGroup(JsonNode node, String path, Findings findings) {
        if (!findings.object(node, path)) {
            return;
        }
        JsonNode type = node.get("objectType");
        if (type != null && type.isTextual() && type.asText().equals("Group")) {
            group(node, path, findings);
        } else {
            agent(node, path, findings);
        }
    }

    static void agent(JsonNode node, String path, Findings findings) {
        if (!findings.object(node, path)) {
            return;
        }
        findings.onlyKnown(node, path, AGENT_PROPERTIES);
        JsonNode type = node.get("objectType");
        if (type != null && !(type.isTextual() && type.asText().equals("Agent"))) {
            findings.add(path + ".objectType", "must be \"Agent\" here");
        }
        name(node, path, findings);
        long ifis = countIfis(node);
        if (ifis != 1) {
            findings.add(path, "an Agent must have exactly one of mbox, mbox_sha1sum, openid, account; it has " + ifis);
        }
        ifiValues(node, path, findings);
    }

    static void group(JsonNode node, String path, Findings findings) {
        if (!findings.object(node, path)) {
            return;
        }
        findings.onlyKnown(node, path, GROUP_PROPERTIES);
        JsonNode type = node.get("objectType");
        if (type == null || !type.isTextual() || !type.asText().equals("Group")) {
            findings.add(path + ".objectType", "a Group must say objectType \"Group\"");
        }
        name(node, path, findings);
        long ifis = countIfis(node);
        if (ifis > 1) {
            findings.add(path, "an identified Group has at most one of mbox, mbox_sha1sum, openid, account; it has " + ifis);
        }
        ifiValues(node, path, findings);
        JsonNode member = node.get("member");
        if (ifis == 0 && (member == null || !member.isArray() || member.isEmpty())) {
            findings.add(path + ".member", "an anonymous Group must list its members");
        }
        if (member != null && !member.isNull()) {
            if (!member.isArray()) {
                findings.add(path + ".member", "must be an array of Agents");
            } else {
                for (int i = 0; i < member.size(); i++) {
                    String at = path + ".member[" + i + "]";
                    JsonNode m = member.get(i);
                    if (m.isObject() && "Group".equals(m.path("objectType").asText())) {
                        findings.add(at + ".objectType", "a Group's members are Agents, never Groups");
                    } else {
                        agent(m, at, findings);
                    }
                }
            }
        }
    }

    private static void name(JsonNode node, String path, Findings findings) {
        if (node.has("name") && !node.get("name").isNull()) {
            findings.string(node.get("name"), path + ".name");
        }
    }

    private static long countIfis(JsonNode node) {
        return IFIS.stream().filter(k -> node.has(k) && !node.get(k).isNull()).count();
    }

    private static void ifiValues(JsonNode node, String path, Findings findings) {
        JsonNode mbox = node.get("mbox");
        if (mbox != null && !mbox.isNull() && findings.string(mbox, path + ".mbox")
                && !MAILTO.matcher(mbox.asText()).matches()) {
            findings.add(path + ".mbox", "must be a mailto: IRI of one e-mail address, e.g. mailto:ada@example.com");
        }
        JsonNode sha = node.get("mbox_sha1sum");
        if (sha != null && !sha.isNull() && findings.string(sha, path + ".mbox_sha1sum")
                && !SHA1_HEX.matcher(sha.asText()).matches()) {
            findings.add(path + ".mbox_sha1sum", "must be the 40 hex digits of a SHA-1 of the mailto IRI");
        }
        JsonNode openid = node.get("openid");
        if (openid != null && !openid.isNull()) {
            findings.iri(openid, path + ".openid");
        }
        JsonNode account = node.get("account");
        if (account != null && !account.isNull() && findings.object(account, path + ".account")) {
            findings.onlyKnown(account, path + ".account", Set.of("homePage", "name"));
            if (!account.has("homePage")) {
                findings.add(path + ".account.homePage", "an account needs the homePage of the system it belongs to");
            } else {
                findings.irl(account.get("homePage"), path + ".account.homePage");
            }
            if (!account.has("name")) {
                findings.add(path + ".account.name", "an account needs the name (id) it has on that system");
            } else if (findings.string(account.get("name"), path + ".account.name") && account.get("name").asText().isEmpty()) {
                findings.add(path + ".account.name", "must not be empty");
            }
        }
    }
}
