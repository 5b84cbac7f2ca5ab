package dev.waypoint.core.taxonomy;

/** A move from a role of one track to a role of another, at about the same seniority. */
public record LateralMove(String fromRoleId, String toRoleId) {
}
