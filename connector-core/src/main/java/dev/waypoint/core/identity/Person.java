package dev.waypoint.core.identity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A person of one tenant, with the role they hold now (null until known), the roles they have chosen
 * to aim at, and how many hours a week they can give to learning (the planner dates their path with it).
 */
public record Person(String id, String tenantId, String displayName, String currentRoleId,
                     List<String> targetRoleIds, double weeklyLearningHours, Instant createdAt) {

    public static final double DEFAULT_WEEKLY_HOURS = 3.0;

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        targetRoleIds = targetRoleIds == null ? List.of() : List.copyOf(targetRoleIds);
    }
}
