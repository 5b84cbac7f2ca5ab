package dev.waypoint.core.taxonomy;

import dev.waypoint.core.evidence.EvidenceKind;

import java.util.List;

/**
 * One milestone of a role blueprint: the kind of evidence that completes it (a course completion, an
 * applied project, a manager endorsement, a peer review…), the skills it covers, the learning assets
 * that serve it (may be empty) and how many days after the start of the path it is due.
 */
public record Milestone(String id, String name, EvidenceKind evidenceKind, List<String> skillIds,
                        List<String> assetIds, int dueDays) {

    public Milestone {
        skillIds = List.copyOf(skillIds);
        assetIds = assetIds == null ? List.of() : List.copyOf(assetIds);
    }
}
