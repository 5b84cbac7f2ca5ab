package dev.waypoint.core.writeback;

/**
 * An LMS did not accept a write. {@code retryable} is false when trying again cannot help (the LMS
 * answered that the request itself is wrong); such a row is parked for an admin instead of retried.
 */
public class WriteBackFailure extends Exception {

    private final boolean retryable;

    public WriteBackFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public WriteBackFailure(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
