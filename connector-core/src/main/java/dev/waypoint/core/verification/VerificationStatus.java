package dev.waypoint.core.verification;

import java.time.Instant;
import java.util.List;

/**
 * Where one skill of one person stands on the verification steps for a level. {@code verifiedAt} is the
 * date of the evidence that completed the last missing step; null while not verified.
 */
public record VerificationStatus(String skillId, int level, List<StepStatus> steps, boolean verified,
                                 Instant verifiedAt) {

    public VerificationStatus {
        steps = List.copyOf(steps);
    }

    /** One step: met or not, and the evidence that met it. */
    public record StepStatus(String step, boolean met, List<String> evidenceIds, Instant metAt) {
        public StepStatus {
            evidenceIds = List.copyOf(evidenceIds);
        }
    }
}
