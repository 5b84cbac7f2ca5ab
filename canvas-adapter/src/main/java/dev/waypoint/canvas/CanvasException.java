package dev.waypoint.canvas;

/**
 * Canvas did not answer as asked. Each subclass is one way it can fail, so callers decide by type:
 * a rate limit or an outage is worth retrying, a permission or a bad request is not.
 */
public abstract class CanvasException extends RuntimeException {

    private final int status;

    protected CanvasException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status Canvas answered, or 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** Whether the same call may succeed later. */
    public abstract boolean retryable();

    /** 401: the token is invalid or expired and could not be refreshed. */
    public static final class Unauthorized extends CanvasException {
        public Unauthorized(String message) {
            super(401, message, null);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** 403 without the rate-limit text: the token's user may not do this. */
    public static final class Forbidden extends CanvasException {
        public Forbidden(String message) {
            super(403, message, null);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** 404: the course, user or object does not exist (or is not visible to the token). */
    public static final class NotFound extends CanvasException {
        public NotFound(String message) {
            super(404, message, null);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** 422: Canvas understood the request and refused its content. */
    public static final class Unprocessable extends CanvasException {
        public Unprocessable(String message) {
            super(422, message, null);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** Any other 4xx (400 included): the request is wrong as sent. */
    public static final class Rejected extends CanvasException {
        public Rejected(int status, String message) {
            super(status, message, null);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** 403 "Rate Limit Exceeded" or 429: the bucket is empty; wait and try again. */
    public static final class RateLimited extends CanvasException {
        public RateLimited(int status, String message) {
            super(status, message, null);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** 5xx, a timeout or a broken connection. */
    public static final class Unavailable extends CanvasException {
        public Unavailable(int status, String message, Throwable cause) {
            super(status, message, cause);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** Canvas answered something we cannot read: not JSON, or a malformed Link header. */
    public static final class BadResponse extends CanvasException {
        public BadResponse(String message, Throwable cause) {
            super(0, message, cause);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }
}
