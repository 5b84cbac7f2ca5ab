package dev.waypoint.app.api;

/** One thing wrong with a request: the field (a JSON path such as {@code skills[1].level}) and why. */
public record FieldProblem(String field, String reason) {
}
