package dev.waypoint.core.pathing;

/**
 * How a step moves one skill: from {@code before} to {@code after} (skill scores 0..1) and the weighted
 * gap that closes, w_s · (after − before).
 */
public record GapClosure(String skillId, double before, double after, double weightedGapClosed) {
}
