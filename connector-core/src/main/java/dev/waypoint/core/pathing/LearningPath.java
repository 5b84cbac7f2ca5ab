package dev.waypoint.core.pathing;

import java.time.LocalDate;
import java.util.List;

/**
 * A dated learning path for one person towards one role: learning assets chosen to close the gap, then
 * the blueprint's applied-project and endorsement milestones. {@code remainingGap} lists the skills still
 * below the gap threshold once every step is taken: {@code before} is the score today, {@code after} the
 * score the path reaches, so what is left to close is w · (1 − after).
 */
public record LearningPath(String personId, String roleId, String blueprintId, LocalDate startsOn,
                           double weeklyHours, List<PathStep> steps, double totalHours,
                           List<GapClosure> remainingGap) {

    public LearningPath {
        steps = List.copyOf(steps);
        remainingGap = List.copyOf(remainingGap);
    }
}
