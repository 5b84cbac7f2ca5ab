package dev.waypoint.core.hrsync;

import java.time.Instant;
import java.util.List;

/** A skill of a person that passes verification now, at its highest verified level. */
public record VerifiedSkill(String skillId, int level, Instant verifiedAt, List<HrRecord.EvidenceSummary> evidence) {

    public VerifiedSkill {
        evidence = List.copyOf(evidence);
    }
}
