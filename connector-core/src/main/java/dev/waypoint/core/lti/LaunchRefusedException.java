package dev.waypoint.core.lti;

/** A refused login or launch: the reason for the page, a detail for the log (never token contents). */
public final class LaunchRefusedException extends RuntimeException {

    private final LaunchRefusal reason;

    public LaunchRefusedException(LaunchRefusal reason, String detail) {
        super(reason.name() + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public LaunchRefusal reason() {
        return reason;
    }
}
