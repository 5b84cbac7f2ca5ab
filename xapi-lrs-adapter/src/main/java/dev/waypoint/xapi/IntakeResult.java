package dev.waypoint.xapi;

import dev.waypoint.xapi.statement.Violation;

import java.util.List;

/** The answer to one POST or PUT of statements. */
public sealed interface IntakeResult {

    /**
     * Stored (or already stored with the same content).
     *
     * @param ids          every statement's id, in the order sent
     * @param newlyStored  the ids stored by this request whose verb may mean evidence, to hand on to the pipeline
     * @param warnings     repairs made on the way in (logstore_xapi quirks)
     */
    record Accepted(List<String> ids, List<String> newlyStored, List<String> warnings) implements IntakeResult {
    }

    /** Refused; nothing stored. {@code status} is the HTTP status (400, 409). */
    record Refused(int status, String error, List<Violation> violations) implements IntakeResult {
    }
}
