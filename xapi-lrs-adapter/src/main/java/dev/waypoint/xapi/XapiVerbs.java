package dev.waypoint.xapi;

import java.util.Map;

/**
 * The verbs that mean evidence by default, and what each means. "completion" becomes a course or an activity
 * completion depending on the object; "assessment" needs {@code result.score.scaled} except for mastered;
 * "badge" needs a badge object; "revocation" withdraws the actor's earlier completion of the same object;
 * "void" withdraws the evidence of the statement it voids. Every other verb is stored and yields nothing.
 */
public final class XapiVerbs {

    public static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    public static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    public static final String FAILED = "http://adlnet.gov/expapi/verbs/failed";
    public static final String MASTERED = "http://adlnet.gov/expapi/verbs/mastered";
    public static final String ACHIEVED = "https://w3id.org/xapi/tla/verbs/achieved";
    /** The Open Badges xAPI recipe's verb. */
    public static final String EARNED = "http://specification.openbadges.org/xapi/verbs/earned";
    public static final String UNCOMPLETED = "http://adlnet.gov/expapi/verbs/uncompleted";
    public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    public static final Map<String, String> DEFAULTS = Map.of(
            COMPLETED, "completion",
            PASSED, "assessment",
            FAILED, "assessment",
            MASTERED, "mastery",
            ACHIEVED, "badge",
            EARNED, "badge",
            UNCOMPLETED, "revocation",
            VOIDED, "void");

    private XapiVerbs() {
    }
}
