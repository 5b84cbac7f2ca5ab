package dev.waypoint.xapi.statement;

/**
 * One broken rule of a statement: where (a JSON path such as {@code $[2].actor.mbox}) and which rule,
 * in words a client developer can act on.
 */
public record Violation(String path, String rule) {

    @Override
    public String toString() {
        return path + ": " + rule;
    }
}
