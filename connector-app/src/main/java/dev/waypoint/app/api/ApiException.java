package dev.waypoint.app.api;

import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/**
 * A request the API refuses, with what it answers: an HTTP status, a title, a detail, and the fields
 * that are wrong. Rendered as an RFC 9457 problem by {@link ApiProblems}.
 *
 * @param extensions further problem members (for example a taxonomy's line-numbered report)
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> errors;
    private final Map<String, Object> extensions;

    public ApiException(HttpStatus status, String title, String detail, List<FieldProblem> errors,
                        Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public static ApiException invalid(List<FieldProblem> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid; see errors";
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid request", detail, errors, Map.of());
    }

    public static ApiException invalid(String field, String reason) {
        return invalid(List.of(new FieldProblem(field, reason)));
    }

    public static ApiException badRequest(String field, String reason) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Bad request", field + ": " + reason,
                List.of(new FieldProblem(field, reason)), Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
