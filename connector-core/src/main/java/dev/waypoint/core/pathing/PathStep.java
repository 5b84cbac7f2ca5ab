package dev.waypoint.core.pathing;

import java.time.LocalDate;
import java.util.List;

/**
 * One step of a learning path: a learning asset to take or a blueprint milestone to reach, with its
 * dates and the gap it closes.
 *
 * @param refId the asset id (type ASSET) or the milestone id (type MILESTONE)
 */
public record PathStep(int order, StepType type, String refId, String name, String evidenceKind,
                       double hours, LocalDate startsOn, LocalDate dueOn, List<GapClosure> closes,
                       boolean prerequisiteOnly) {

    public PathStep {
        closes = List.copyOf(closes);
    }

    public enum StepType { ASSET, MILESTONE }
}
