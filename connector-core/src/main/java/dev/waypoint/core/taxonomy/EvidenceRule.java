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
        if (signalKind != kind) {
            return false;
        }
        if (!ANY_OBJECT.equals(objectRef) && !objectRef.equals(signalObjectRef)) {
            return false;
        }
        return minScore == null || (scaledScore != null && scaledScore >= minScore);
    }
}
