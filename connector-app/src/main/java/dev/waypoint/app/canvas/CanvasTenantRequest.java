package dev.waypoint.app.canvas;

import dev.waypoint.app.api.FieldProblem;
import org.springframework.scheduling.support.CronExpression;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of {@code PUT /api/v1/canvas/tenants/{tenant}}. Secrets ({@code accessToken},
 * {@code oauthClientSecret}, {@code oauthRefreshToken}, {@code liveEventsSecret}) left out keep the value
 * stored before, so a console can save other fields without asking for them again; an empty string
 * removes one.
 */
public record CanvasTenantRequest(String baseUrl, String accessToken, String oauthClientId, String oauthClientSecret,
                                  String oauthRefreshToken, List<String> courses, String syncCron,
                                  String writeBackCourseId, Boolean pathModule, String liveEventsJwksUrl,
                                  String liveEventsSecret, Integer maxConcurrentCalls) {

    private static final Pattern CANVAS_ID = Pattern.compile("\\d{1,20}");
    static final int MAX_CONCURRENT_CALLS = 8;

    /** The configuration this request makes of {@code before} (null: none stored), or what is wrong with it. */
    Checked apply(CanvasSettings.Tenant before) {
        List<FieldProblem> problems = new ArrayList<>();
        url("baseUrl", baseUrl, true, problems);
        url("liveEventsJwksUrl", liveEventsJwksUrl, false, problems);
        List<String> courseIds = courses == null ? List.of() : courses;
        for (int i = 0; i < courseIds.size(); i++) {
            if (courseIds.get(i) == null || !CANVAS_ID.matcher(courseIds.get(i)).matches()) {
                problems.add(new FieldProblem("courses[" + i + "]", "must be a Canvas course id (digits)"));
            }
        }
        if (courseIds.stream().distinct().count() < courseIds.size()) {
            problems.add(new FieldProblem("courses", "names a course twice"));
        }
        if (present(syncCron) && !syncCron.equals("-") && !CronExpression.isValidExpression(syncCron)) {
            problems.add(new FieldProblem("syncCron", "must be a cron expression with six fields (second minute hour day month weekday), "
                    + "e.g. \"0 0 2 * * *\", or \"-\" for no schedule"));
        }
        if (present(writeBackCourseId) && !CANVAS_ID.matcher(writeBackCourseId).matches()) {
            problems.add(new FieldProblem("writeBackCourseId", "must be a Canvas course id (digits)"));
        }
        boolean module = Boolean.TRUE.equals(pathModule);
        if (module && !present(writeBackCourseId)) {
            problems.add(new FieldProblem("pathModule", "needs writeBackCourseId: the module is made in that course"));
        }
        int calls = maxConcurrentCalls == null ? 2 : maxConcurrentCalls;
        if (calls < 1 || calls > MAX_CONCURRENT_CALLS) {
            problems.add(new FieldProblem("maxConcurrentCalls", "must be 1 to " + MAX_CONCURRENT_CALLS
                    + ": Canvas charges parallel calls on one token extra"));
        }
        String token = secret(accessToken, before == null ? null : before.accessToken());
        String clientSecret = secret(oauthClientSecret, before == null ? null : before.oauthClientSecret());
        String refreshToken = secret(oauthRefreshToken, before == null ? null : before.oauthRefreshToken());
        String liveSecret = secret(liveEventsSecret, before == null ? null : before.liveEventsSecret());
        if (present(oauthClientId)) {
            if (present(accessToken)) {
                problems.add(new FieldProblem("accessToken", "give either an access token or a developer key (oauthClientId), not both"));
            }
            token = null;
            if (clientSecret == null) {
                problems.add(new FieldProblem("oauthClientSecret", "is required with oauthClientId"));
            }
            // no refresh token yet is allowed: the admin authorizes the developer key from the console,
            // which stores the one Canvas answers; until then a sync says the key must be authorized first
        } else {
            clientSecret = null;
            refreshToken = null;
            if (token == null) {
                problems.add(new FieldProblem("accessToken", "is required, or a developer key: oauthClientId and oauthClientSecret"));
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(null, problems);
        }
        return new Checked(CanvasSettings.Tenant.withDefaults(baseUrl.strip(), token,
                present(oauthClientId) ? oauthClientId.strip() : null, clientSecret, refreshToken, calls, liveSecret,
                present(liveEventsJwksUrl) ? liveEventsJwksUrl.strip() : null,
                present(writeBackCourseId) ? writeBackCourseId : null, module, courseIds,
                present(syncCron) ? syncCron.strip() : null), List.of());
    }

    @Override
    public String toString() {
        return "Canvas configuration for " + baseUrl + " (secrets hidden)";
    }

    /** Either a configuration or the problems that kept the request from being one. */
    record Checked(CanvasSettings.Tenant tenant, List<FieldProblem> problems) {
    }

    /**
     * An absolute http(s) URL without query or fragment. Plain http only to this machine: the tokens go
     * to that host and must not cross a network in clear.
     */
    private static void url(String field, String value, boolean required, List<FieldProblem> problems) {
        if (!present(value)) {
            if (required) {
                problems.add(new FieldProblem(field, "is required, e.g. https://school.instructure.com"));
            }
            return;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && local)) {
                problems.add(new FieldProblem(field, "must be an https URL with a host"));
            } else if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                problems.add(new FieldProblem(field, "must not carry a query, a fragment or credentials"));
            }
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem(field, "is not a URL: " + e.getReason()));
        }
    }

    /** null keeps what was stored, "" removes it. */
    private static String secret(String given, String stored) {
        if (given == null) {
            return present(stored) ? stored : null;
        }
        return present(given) ? given : null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
