package dev.waypoint.core.taxonomy;

import dev.waypoint.core.evidence.EvidenceKind;

import java.util.List;

/**
 * Which LMS signal grants which skills at which level. A signal matches when its kind is {@code kind}
 * and its object reference equals {@code objectRef} (or any object, when {@code objectRef} is "*"),
 * and, where {@code minScore} is set, its scaled score (0..1) reaches it.
 * Learning assets give rules implicitly (completing the asset grants what it teaches); explicit rules
 * cover the rest: assessments with a pass mark, badges awarded outside any course, and so on.
 */
public record EvidenceRule(String id, EvidenceKind kind, String objectRef, Double minScore,
                           List<SkillGrant> grants) {

    public static final String ANY_OBJECT = "*";

    public EvidenceRule {
        grants = List.copyOf(grants);
    }

    public boolean matches(EvidenceKind signalKind, String signalObjectRef, Double scaledScore) {
        return appliesTo(signalKind, signalObjectRef)
                && (minScore == null || (scaledScore != null && scaledScore >= minScore));
    }

    /** Whether the rule is about this kind of signal on this object, whatever the score. */
    public boolean appliesTo(EvidenceKind signalKind, String signalObjectRef) {
        return signalKind == kind && (ANY_OBJECT.equals(objectRef) || objectRef.equals(signalObjectRef));
    }
}
