package dev.waypoint.app.api;

import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks every listing shares: offset, limit, and status filter values. */
final class Paging {

    static final int MAX_LIMIT = 500;

    private Paging() {
    }

    static void check(int offset, int limit) {
        List<FieldProblem> errors = new ArrayList<>();
        if (offset < 0) {
            errors.add(new FieldProblem("offset", "must not be negative"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Bad request",
                    errors.get(0).field() + ": " + errors.get(0).reason(), errors, Map.of());
        }
    }

    static void checkStatus(String status, Set<String> allowed) {
        if (!allowed.contains(status)) {
            throw ApiException.badRequest("status", "'" + status + "' is not one of " + allowed);
        }
    }
}
