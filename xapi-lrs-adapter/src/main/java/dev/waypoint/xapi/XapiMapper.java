package dev.waypoint.xapi;

import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.evidence.NaturalKey;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.xapi.statement.XapiStatement;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a stored statement into what it means for the evidence pipeline, by the verb rules of
 * {@link XapiProperties#verbs()}: completions, assessments, mastery and badges become {@link LearningSignal}s
 * keyed on the statement id (so a statement replayed or swept twice is one fact); voiding and 'uncompleted'
 * become revocations. Actors resolve through the identity map: {@code account{homePage,name}} is
 * {@code XAPI_ACCOUNT "homePage|name"} and, for a known Moodle site, also the Moodle user id (a numeric name)
 * or username; {@code mbox} is the e-mail without {@code mailto:}; {@code mbox_sha1sum} and {@code openid} as given.
 */
public final class XapiMapper {

    public static final String SOURCE = "xapi";
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final XapiProperties properties;
    private final ObjectRefs refs;

    public XapiMapper(XapiProperties properties) {
        this.properties = properties;
        this.refs = new ObjectRefs(properties);
    }

    /** The natural key the evidence of a statement is stored under. */
    public static String naturalKeyOf(String statementId) {
        return NaturalKey.of(SOURCE, statementId);
    }

    public XapiMapping map(String tenantId, XapiStatement statement, Instant stored, String rawJson) {
        String meaning = properties.verbs().get(statement.verb().id());
        if (meaning == null) {
            return new XapiMapping.NoEvidence("verb " + statement.verb().id() + " means no evidence");
        }
        XapiStatement.StatementObject object = statement.object();
        if (meaning.equals("void")) {
            return new XapiMapping.Void(object.id());
        }
        List<IdentityRef> identities = identities(statement.actor());
        if (identities.isEmpty()) {
            return new XapiMapping.Failure("the actor of a '" + meaning + "' statement has no identifier a person can be found by"
                    + " (an anonymous Group?)");
        }
        if (!"Activity".equals(object.type())) {
            return new XapiMapping.Failure("a '" + meaning + "' statement needs an Activity as object, not a " + object.type());
        }
        if (meaning.equals("revocation")) {
            return new XapiMapping.Uncomplete(actorKey(statement.actor()), object.id());
        }
        Double scaled = statement.result() == null || statement.result().score() == null ? null : statement.result().score().scaled();
        EvidenceKind kind;
        switch (meaning) {
            case "completion" -> kind = refs.isCourse(object) ? EvidenceKind.COURSE_COMPLETION : EvidenceKind.ACTIVITY_COMPLETION;
            case "assessment" -> {
                if (scaled == null) {
                    return new XapiMapping.Failure("a passed/failed statement needs result.score.scaled to count as an assessment");
                }
                kind = EvidenceKind.ASSESSMENT;
            }
            case "mastery" -> {
                kind = EvidenceKind.ASSESSMENT;
                scaled = scaled == null ? Double.valueOf(1.0) : scaled;
            }
            case "badge" -> {
                if (!refs.isBadge(object)) {
                    return new XapiMapping.Failure("'" + statement.verb().id() + "' counts as a badge only on a badge activity; "
                            + object.id() + " is not one");
                }
                kind = EvidenceKind.BADGE;
            }
            default -> {
                var configured = EvidenceKind.fromWireName(meaning);
                if (configured.isEmpty()) {
                    return new XapiMapping.Failure("verb rule '" + meaning + "' names no evidence kind");
                }
                kind = configured.get();
            }
        }
        return new XapiMapping.Signal(new LearningSignal(tenantId, identities, statement.actor().name(), kind,
                refs.refOf(object), List.of(), occurredAt(statement, stored), scaled, SOURCE, statement.id(),
                null, rawJson));
    }

    /** The revocation of the evidence {@code target} gave, in the name of {@code target}'s actor. */
    public LearningSignal revocation(String tenantId, XapiStatement revoking, Instant stored, XapiStatement target, String rawJson) {
        return new LearningSignal(tenantId, identities(target.actor()), target.actor().name(), EvidenceKind.REVOCATION,
                null, List.of(), occurredAt(revoking, stored), null, SOURCE, revoking.id(), naturalKeyOf(target.id()), rawJson);
    }

    public List<IdentityRef> identities(XapiStatement.Agent actor) {
        List<IdentityRef> ids = new ArrayList<>();
        if (actor == null) {
            return ids;
        }
        if (actor.account() != null && actor.account().homePage() != null && actor.account().name() != null) {
            String home = XapiProperties.withoutSlash(actor.account().homePage());
            String name = actor.account().name().trim();
            if (properties.isMoodleSite(home)) {
                ids.add(IdentityRef.of(DIGITS.matcher(name).matches() ? IdentityKind.MOODLE_USER_ID : IdentityKind.MOODLE_USERNAME, name));
            }
            ids.add(IdentityRef.of(IdentityKind.XAPI_ACCOUNT, home + "|" + name));
        }
        if (actor.mbox() != null) {
            ids.add(IdentityRef.of(IdentityKind.EMAIL, actor.mbox().substring("mailto:".length())));
        }
        if (actor.mboxSha1sum() != null) {
            ids.add(IdentityRef.of(IdentityKind.XAPI_MBOX_SHA1, actor.mboxSha1sum().toLowerCase(Locale.ROOT)));
        }
        if (actor.openid() != null) {
            ids.add(IdentityRef.of(IdentityKind.XAPI_OPENID, actor.openid()));
        }
        return ids;
    }

    /** The actor in one string, to find the same actor's earlier statements; groups without identifier have none. */
    public static String actorKey(XapiStatement.Agent actor) {
        if (actor == null) {
            return "";
        }
        if (actor.account() != null) {
            return "account:" + XapiProperties.withoutSlash(String.valueOf(actor.account().homePage())) + "|" + actor.account().name();
        }
        if (actor.mbox() != null) {
            return "mbox:" + actor.mbox().toLowerCase(Locale.ROOT);
        }
        if (actor.mboxSha1sum() != null) {
            return "sha1:" + actor.mboxSha1sum().toLowerCase(Locale.ROOT);
        }
        if (actor.openid() != null) {
            return "openid:" + actor.openid();
        }
        return "";
    }

    private static Instant occurredAt(XapiStatement statement, Instant stored) {
        return statement.timestamp() == null ? stored : OffsetDateTime.parse(statement.timestamp()).toInstant();
    }
}
