package dev.waypoint.xapi;

/** An external LRS did not answer as xAPI says it should; {@code retryable} for faults worth another try. */
public class LrsException extends RuntimeException {

    private final boolean retryable;

    public LrsException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
