package dev.waypoint.core.evidence;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of evidence Waypoint knows. The wire name ({@link #wireName()}) is what appears in YAML,
 * JSON and the database. {@link #REVOCATION} withdraws earlier evidence; it grants nothing.
 */
public enum EvidenceKind {
    COURSE_COMPLETION("course_completion", true),
    ACTIVITY_COMPLETION("activity_completion", true),
    BADGE("badge", true),
    ASSESSMENT("assessment", true),
    APPLIED_PROJECT("applied_project", false),
    MANAGER_ENDORSEMENT("manager_endorsement", false),
    PEER_REVIEW("peer_review", false),
    CERTIFICATION("certification", true),
    SELF_ASSESSMENT("self_assessment", false),
    REVOCATION("revocation", false);

    private final String wireName;
    private final boolean learning;

    EvidenceKind(String wireName, boolean learning) {
        this.wireName = wireName;
        this.learning = learning;
    }

    public String wireName() {
        return wireName;
    }

    /** True for the kinds that count as the "learning" step of verification. */
    public boolean isLearning() {
        return learning;
    }

    public static Optional<EvidenceKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
