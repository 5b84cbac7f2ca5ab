package dev.waypoint.core.hrsync;

/** An output cannot take anything now (endpoint down, directory missing or full); the run stops resumable. */
public class OutputUnavailableException extends Exception {

    public OutputUnavailableException(String message) {
        super(message);
    }

    public OutputUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
