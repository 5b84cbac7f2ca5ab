package dev.waypoint.app.config;

import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.readiness.ReadinessModel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Waypoint's own settings ({@code waypoint.*}). Every constant of the readiness model is here so a
 * deployment can tune it without a release.
 *
 * @param taxonomyLocation a taxonomy YAML to load at first start (file path or {@code classpath:});
 *                         empty: the sample taxonomy
 * @param adminToken       the admin API token; empty: one is generated at first start and printed once
 * @param maxTaxonomyBytes the largest taxonomy upload accepted
 */
@ConfigurationProperties("waypoint")
public record WaypointProperties(
        @DefaultValue("") String taxonomyLocation,
        @DefaultValue("") String adminToken,
        @DefaultValue("5242880") long maxTaxonomyBytes,
        @DefaultValue Readiness readiness,
        @DefaultValue Outbox outbox) {

    /** The readiness model's constants; kinds missing from {@code confidence} keep DESIGN.md's default. */
    public record Readiness(Map<String, Double> confidence,
                            @DefaultValue("80") int readyThreshold,
                            @DefaultValue("60") int nearlyThreshold,
                            @DefaultValue("0.5") double mustHaveMinimum,
                            @DefaultValue("59") int mustHaveCap,
                            @DefaultValue("0.8") double gapThreshold) {

        public ReadinessModel toModel() {
            Map<EvidenceKind, Double> byKind = new EnumMap<>(EvidenceKind.class);
            if (confidence != null) {
                confidence.forEach((name, value) -> byKind.put(EvidenceKind.fromWireName(name).orElseThrow(
                        () -> new IllegalArgumentException("waypoint.readiness.confidence." + name
                                + ": unknown evidence kind")), value));
            }
            return new ReadinessModel(byKind, readyThreshold, nearlyThreshold, mustHaveMinimum, mustHaveCap, gapThreshold);
        }
    }

    /** Write-back outbox delivery. */
    public record Outbox(@DefaultValue("10s") Duration pollEvery,
                         @DefaultValue("50") int batchSize,
                         @DefaultValue("2m") Duration lease,
                         @DefaultValue("30s") Duration firstRetry,
                         @DefaultValue("6h") Duration maxRetry,
                         @DefaultValue("20") int maxAttempts) {
    }
}
