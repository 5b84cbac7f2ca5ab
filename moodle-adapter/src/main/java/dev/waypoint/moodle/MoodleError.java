package dev.waypoint.moodle;

/**
 * A Moodle web-service call that did not give an answer we can use, typed so callers can tell a wrong
 * configuration (fix it, do not retry) from a passing fault (retry). Moodle reports its own errors with
 * HTTP 200 and {@code {exception, errorcode, message}}; {@link #fromMoodle} maps those. Messages name
 * the function and what an admin can do, and never carry the token.
 */
public final class MoodleError extends RuntimeException {

    /** What went wrong, in the terms an admin acts on. */
    public enum Kind {
        INVALID_TOKEN(false),
        FUNCTION_NOT_ALLOWED(false),
        INVALID_PARAMETER(false),
        MISSING_RECORD(false),
        MOODLE_EXCEPTION(false),
        NOT_JSON(false),
        UNAVAILABLE(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Kind kind;
    private final String function;
    private final String errorCode;
    private final java.time.Duration retryAfter;

    public MoodleError(Kind kind, String function, String errorCode, String message, Throwable cause) {
        this(kind, function, errorCode, message, cause, null);
    }

    /** @param retryAfter how long the site asked us to wait (its {@code Retry-After}); null when it did not say */
    public MoodleError(Kind kind, String function, String errorCode, String message, Throwable cause,
                       java.time.Duration retryAfter) {
        super(message, cause);
        this.kind = kind;
        this.function = function;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    /** Maps Moodle's own error body (answered with HTTP 200) to a typed error with the fix. */
    static MoodleError fromMoodle(String function, String exception, String errorCode, String moodleMessage) {
        String code = errorCode == null ? "" : errorCode;
        Kind kind;
        String fix;
        switch (code) {
            case "invalidtoken" -> {
                kind = Kind.INVALID_TOKEN;
                fix = "the web-service token is wrong or was deleted: create a token for the service user "
                        + "(Site administration > Server > Web services > Manage tokens) and save it in the site settings";
            }
            case "accessexception" -> {
                kind = Kind.FUNCTION_NOT_ALLOWED;
                fix = "add " + function + " to the external service the token belongs to, and give the service "
                        + "user the capabilities it needs";
            }
            case "invalidparameter" -> {
                kind = Kind.INVALID_PARAMETER;
                fix = "a parameter is missing or has the wrong type (Moodle does not say which)";
            }
            case "invalidrecord" -> {
                kind = Kind.MISSING_RECORD;
                fix = "the record asked for does not exist on the site (deleted, or a wrong id in the mapping)";
            }
            default -> {
                kind = (exception != null && exception.contains("required_capability")) || "nopermissions".equals(code)
                        ? Kind.FUNCTION_NOT_ALLOWED : Kind.MOODLE_EXCEPTION;
                fix = "Moodle refused the call";
            }
        }
        return new MoodleError(kind, function, code, function + ": " + fix + " (Moodle: " + code + ", \""
                + moodleMessage + "\")", null);
    }

    public Kind kind() {
        return kind;
    }

    public String function() {
        return function;
    }

    public String errorCode() {
        return errorCode;
    }

    public boolean retryable() {
        return kind.retryable;
    }
}
