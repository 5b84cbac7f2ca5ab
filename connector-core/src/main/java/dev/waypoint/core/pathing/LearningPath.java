package dev.waypoint.core.pathing;

import java.time.LocalDate;
import java.util.List;

/**
 * A dated learning path for one person towards one role: learning assets chosen to close the gap, then
 * the blueprint's applied-project and endorsement milestones. {@code remainingGap} lists the gap the
 * learning steps alone cannot close (what the milestones are for).
 */
public record LearningPath(String personId, String roleId, String blueprintId, LocalDate startsOn,
                           double weeklyHours, List<PathStep> steps, double totalHours,
                           List<GapClosure> remainingGap) {

    public LearningPath {
        steps = List.copyOf(steps);
        remainingGap = List.copyOf(remainingGap);
    }
}
