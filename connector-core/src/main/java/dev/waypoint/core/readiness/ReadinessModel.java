package dev.waypoint.core.readiness;

import dev.waypoint.core.evidence.EvidenceKind;

import java.util.EnumMap;
import java.util.Map;

/**
 * Every constant of the readiness model, with DESIGN.md's defaults. Deployments override any of them
 * through configuration; the engine reads nothing else.
 *
 * @param confidence          c(kind): how much one piece of evidence of a kind is trusted
 * @param readyThreshold      readiness at or above this is "ready" (80)
 * @param nearlyThreshold     at or above this and below ready is "nearly" (60)
 * @param mustHaveMinimum     a must-have skill scoring below this blocks the role (0.5)
 * @param mustHaveCap         the highest readiness a blocked role can show (59)
 * @param gapThreshold        a skill scoring below this is part of the gap the path closes (0.8)
 */
public record ReadinessModel(Map<EvidenceKind, Double> confidence, int readyThreshold, int nearlyThreshold,
                             double mustHaveMinimum, int mustHaveCap, double gapThreshold) {

    public ReadinessModel {
        EnumMap<EvidenceKind, Double> copy = new EnumMap<>(EvidenceKind.class);
        copy.putAll(defaultConfidence());
        copy.putAll(confidence);
        confidence = Map.copyOf(copy);
        if (nearlyThreshold > readyThreshold) {
            throw new IllegalArgumentException("nearlyThreshold must not exceed readyThreshold");
        }
    }

    public static ReadinessModel defaults() {
        return new ReadinessModel(defaultConfidence(), 80, 60, 0.5, 59, 0.8);
    }

    public static Map<EvidenceKind, Double> defaultConfidence() {
        EnumMap<EvidenceKind, Double> c = new EnumMap<>(EvidenceKind.class);
        c.put(EvidenceKind.ASSESSMENT, 1.0);
        c.put(EvidenceKind.MANAGER_ENDORSEMENT, 1.0);
        c.put(EvidenceKind.CERTIFICATION, 0.9);
        c.put(EvidenceKind.APPLIED_PROJECT, 0.9);
        c.put(EvidenceKind.BADGE, 0.8);
        c.put(EvidenceKind.COURSE_COMPLETION, 0.6);
        c.put(EvidenceKind.ACTIVITY_COMPLETION, 0.4);
        c.put(EvidenceKind.PEER_REVIEW, 0.5);
        c.put(EvidenceKind.SELF_ASSESSMENT, 0.2);
        c.put(EvidenceKind.REVOCATION, 0.0);
        return c;
    }

    public double confidenceOf(EvidenceKind kind) {
        return confidence.getOrDefault(kind, 0.0);
    }

    public Band band(int readiness) {
        if (readiness >= readyThreshold) {
            return Band.READY;
        }
        return readiness >= nearlyThreshold ? Band.NEARLY : Band.DEVELOPING;
    }
}
