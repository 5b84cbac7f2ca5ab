package dev.waypoint.canvas;

/**
 * Where one tenant's results go in Canvas: the course Waypoint is installed in (the AGS line items and
 * the path modules live there) and whether the path is written as a module.
 */
public record CanvasWriteBackTarget(CanvasClient client, String courseId, boolean pathModule) {
}
