package dev.waypoint.moodle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Calls the web services of one Moodle site: {@code POST /webservice/rest/server.php}, form-encoded, with
 * {@code wstoken}, {@code wsfunction} and {@code moodlewsrestformat=json}. Moodle answers its own errors
 * with HTTP 200, so every body is checked for {@code exception} before it is used.
 *
 * <p>Every call goes through Resilience4j: a retry with exponential backoff on connection faults,
 * timeouts, 5xx and 429; a circuit breaker that stops hammering a site that keeps failing; a bulkhead
 * that keeps at most {@link MoodleProperties#concurrency()} calls in flight to the site. Errors that
 * retrying cannot fix (wrong token, function not in the service) are thrown at once.
 */
public class MoodleClient {

    static final String SERVER_PATH = "/webservice/rest/server.php";
    static final String ASSERTION_PATH = "/badges/assertion.php";

    private final MoodleProperties site;
    private final OkHttpClient http;
    private final ObjectMapper json;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final AtomicLong calls = new AtomicLong();

    public MoodleClient(MoodleProperties site, OkHttpClient shared, ObjectMapper json) {
        this.site = site;
        this.json = json;
        this.http = shared.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .callTimeout(site.callTimeout())
                .readTimeout(site.callTimeout())
                .retryOnConnectionFailure(false) // retries are Resilience4j's, counted and backed off
                .build();
        String name = "moodle:" + site.baseUrl();
        this.retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(site.maxAttempts())
                .intervalBiFunction(waitBeforeRetry(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(200), 2.0, 0.3)))
                .retryOnException(e -> e instanceof MoodleError error && error.retryable())
                .build());
        this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowSize(50)
                .minimumNumberOfCalls(20)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                // a configuration error is not a sick site
                .recordException(e -> e instanceof MoodleError error && error.retryable())
                .build());
        this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
                .maxConcurrentCalls(site.concurrency())
                .maxWaitDuration(Duration.ofMinutes(5))
                .build());
    }

    public MoodleClient(MoodleProperties site) {
        this(site, new OkHttpClient(), new ObjectMapper());
    }

    public MoodleProperties site() {
        return site;
    }

    /** HTTP requests sent so far, retries included (the benchmark reports calls per person with it). */
    public long httpCalls() {
        return calls.get();
    }

    /** Calls one web-service function; answers the JSON body, or throws a {@link MoodleError}. */
    public JsonNode call(String function, MoodleParams params) {
        return guarded(function, () -> send(function, params));
    }

    /**
     * The Open Badges 2.0 hosted assertion of an issued badge ({@code GET /badges/assertion.php?b=<uniquehash>&obversion=2},
     * public, no token). Moodle answers a revoked badge with HTTP 410 and {@code "revoked": true}; that answer
     * comes back as a body with {@code revoked} true, not as an error.
     */
    public JsonNode hostedAssertion(String uniquehash) {
        return guarded(ASSERTION_PATH, () -> sendAssertion(uniquehash));
    }

    private JsonNode guarded(String function, Supplier<JsonNode> once) {
        Supplier<JsonNode> guarded = Bulkhead.decorateSupplier(bulkhead, once);
        guarded = CircuitBreaker.decorateSupplier(breaker, guarded);
        guarded = Retry.decorateSupplier(retry, guarded);
        try {
            return guarded.get();
        } catch (CallNotPermittedException open) {
            throw new MoodleError(MoodleError.Kind.UNAVAILABLE, function, null, function
                    + ": " + site.baseUrl() + " failed too often recently; calls pause for 30 s", open);
        } catch (BulkheadFullException full) {
            throw new MoodleError(MoodleError.Kind.UNAVAILABLE, function, null, function
                    + ": too many calls waiting for " + site.baseUrl(), full);
        }
    }

    private JsonNode send(String function, MoodleParams params) {
        FormBody.Builder form = new FormBody.Builder()
                .add("wstoken", site.token())
                .add("wsfunction", function)
                .add("moodlewsrestformat", "json");
        for (Map.Entry<String, String> p : params.asMap().entrySet()) {
            form.add(p.getKey(), p.getValue());
        }
        Request request = new Request.Builder().url(site.baseUrl() + SERVER_PATH).post(form.build()).build();
        calls.incrementAndGet();
        String body;
        int status;
        Duration retryAfter;
        try (Response response = http.newCall(request).execute()) {
            status = response.code();
            retryAfter = retryAfter(response.header("Retry-After"));
            ResponseBody responseBody = response.body();
            body = responseBody == null ? "" : responseBody.string();
        } catch (IOException fault) {
            // OkHttp's messages name the host, never the form body: the token stays out.
            throw new MoodleError(MoodleError.Kind.UNAVAILABLE, function, null, function + ": " + site.baseUrl()
                    + " did not answer (" + fault.getClass().getSimpleName() + ": " + fault.getMessage()
                    + "); will retry", fault);
        }
        if (status == 429 || status >= 500) {
            throw new MoodleError(MoodleError.Kind.UNAVAILABLE, function, null, function + ": " + site.baseUrl()
                    + " answered HTTP " + status + "; will retry", null, retryAfter);
        }
        if (status != 200) {
            throw new MoodleError(MoodleError.Kind.NOT_JSON, function, null, function + ": " + site.baseUrl()
                    + SERVER_PATH + " answered HTTP " + status + ": check the base URL and that web services "
                    + "and the REST protocol are enabled", null);
        }
        JsonNode answer = parse(function, body);
        if (answer.isObject() && answer.has("exception")) {
            throw MoodleError.fromMoodle(function, answer.path("exception").asText(null),
                    answer.path("errorcode").asText(null), answer.path("message").asText(""));
        }
        return answer;
    }

    private JsonNode sendAssertion(String uniquehash) {
        okhttp3.HttpUrl url = okhttp3.HttpUrl.get(site.baseUrl() + ASSERTION_PATH).newBuilder()
                .addQueryParameter("b", uniquehash).addQueryParameter("obversion", "2").build();
        Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
        calls.incrementAndGet();
        int status;
        String body;
        try (Response response = http.newCall(request).execute()) {
            status = response.code();
            ResponseBody responseBody = response.body();
            body = responseBody == null ? "" : responseBody.string();
        } catch (IOException fault) {
            throw new MoodleError(MoodleError.Kind.UNAVAILABLE, ASSERTION_PATH, null, ASSERTION_PATH + ": " + site.baseUrl()
                    + " did not answer (" + fault.getClass().getSimpleName() + ": " + fault.getMessage() + "); will retry", fault);
        }
        if (status == 429 || status >= 500) {
            throw new MoodleError(MoodleError.Kind.UNAVAILABLE, ASSERTION_PATH, null, ASSERTION_PATH + ": " + site.baseUrl()
                    + " answered HTTP " + status + "; will retry", null);
        }
        if (status == 410) {
            com.fasterxml.jackson.databind.node.ObjectNode revoked = json.createObjectNode();
            try {
                JsonNode answer = json.readTree(body);
                if (answer != null && answer.isObject()) {
                    revoked.setAll((com.fasterxml.jackson.databind.node.ObjectNode) answer);
                }
            } catch (JsonProcessingException notJson) {
                // 410 Gone says it all
            }
            return revoked.put("revoked", true);
        }
        if (status != 200) {
            throw new MoodleError(MoodleError.Kind.NOT_JSON, ASSERTION_PATH, null, ASSERTION_PATH + ": " + site.baseUrl()
                    + " answered HTTP " + status + ": check that badges are enabled on the site", null);
        }
        return parse(ASSERTION_PATH, body);
    }

    /** Our backoff, or longer when the site said how long to wait (a proxy's 429 or 503 with Retry-After). */
    private static io.github.resilience4j.core.IntervalBiFunction<Object> waitBeforeRetry(IntervalFunction backoff) {
        return (attempt, outcome) -> {
            long ours = backoff.apply(attempt);
            if (outcome.isLeft() && outcome.getLeft() instanceof MoodleError error && error.retryAfter().isPresent()) {
                return Math.max(ours, error.retryAfter().get().toMillis());
            }
            return ours;
        };
    }

    /** Retry-After in seconds, capped at a minute so a sync is never parked for long by one answer. */
    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, 60));
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }

    private JsonNode parse(String function, String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new MoodleError(MoodleError.Kind.NOT_JSON, function, null, function
                        + ": Moodle answered an empty body", null);
            }
            return node;
        } catch (JsonProcessingException notJson) {
            String start = body.strip();
            String what = start.startsWith("<") ? "HTML or XML" : "something other than JSON";
            throw new MoodleError(MoodleError.Kind.NOT_JSON, function, null, function + ": " + site.baseUrl()
                    + " answered " + what + " where JSON was expected: check the base URL (the site root, "
                    + "not a page), that the REST protocol is enabled and that the site is not in maintenance mode",
                    null);
        }
    }

    // --- the functions Waypoint uses (Moodle 4.5 external API names and parameters) ---------------

    public JsonNode siteInfo() {
        return call("core_webservice_get_site_info", MoodleParams.none());
    }

    public JsonNode courses() {
        return call("core_course_get_courses", MoodleParams.none());
    }

    /** One page of a course's participants (limitfrom/limitnumber paging). */
    public JsonNode enrolledUsers(long courseId, int from, int limit) {
        return call("core_enrol_get_enrolled_users", MoodleParams.none().add("courseid", courseId)
                .add("options[0][name]", "limitfrom").add("options[0][value]", from)
                .add("options[1][name]", "limitnumber").add("options[1][value]", limit));
    }

    public JsonNode usersByField(String field, List<String> values) {
        return call("core_user_get_users_by_field", MoodleParams.none().add("field", field).list("values", values));
    }

    /** Every course of one user with {@code completed} and {@code progress}: one call for all courses. */
    public JsonNode usersCourses(long userId) {
        return call("core_enrol_get_users_courses", MoodleParams.none().add("userid", userId));
    }

    public JsonNode courseCompletionStatus(long courseId, long userId) {
        return call("core_completion_get_course_completion_status",
                MoodleParams.none().add("courseid", courseId).add("userid", userId));
    }

    public JsonNode activitiesCompletionStatus(long courseId, long userId) {
        return call("core_completion_get_activities_completion_status",
                MoodleParams.none().add("courseid", courseId).add("userid", userId));
    }

    public JsonNode userBadges(long userId) {
        return call("core_badges_get_user_badges", MoodleParams.none().add("userid", userId));
    }

    /** Sets a custom profile field; in this input {@code customfields[].type} is the field's shortname. */
    public JsonNode updateProfileField(long userId, String shortname, String value) {
        return call("core_user_update_users", MoodleParams.none().add("users[0][id]", userId)
                .add("users[0][customfields][0][type]", shortname)
                .add("users[0][customfields][0][value]", value));
    }

    public JsonNode gradeCompetency(long userId, long competencyId, int grade, String note) {
        return call("core_competency_grade_competency", MoodleParams.none().add("userid", userId)
                .add("competencyid", competencyId).add("grade", grade).add("note", note));
    }

    public JsonNode readCompetencyFramework(long frameworkId) {
        return call("core_competency_read_competency_framework", MoodleParams.none().add("id", frameworkId));
    }

    /** A framework in the system context (contextid 1) on the given scale, every value of it marked by {@code scaleConfiguration}. */
    public JsonNode createCompetencyFramework(String shortname, String idnumber, String description, long scaleId,
                                              String scaleConfiguration) {
        return call("core_competency_create_competency_framework", MoodleParams.none()
                .add("competencyframework[shortname]", shortname).add("competencyframework[idnumber]", idnumber)
                .add("competencyframework[description]", description).add("competencyframework[descriptionformat]", 1)
                .add("competencyframework[scaleid]", scaleId)
                .add("competencyframework[scaleconfiguration]", scaleConfiguration)
                .add("competencyframework[contextid]", 1).add("competencyframework[visible]", 1));
    }

    public JsonNode createCompetency(long frameworkId, String shortname, String idnumber, String description) {
        return call("core_competency_create_competency", MoodleParams.none()
                .add("competency[shortname]", shortname).add("competency[idnumber]", idnumber)
                .add("competency[competencyframeworkid]", frameworkId).add("competency[description]", description)
                .add("competency[descriptionformat]", 1));
    }

    public JsonNode listCompetencies(long frameworkId) {
        return call("core_competency_list_competencies", MoodleParams.none()
                .add("filters[0][column]", "competencyframeworkid").add("filters[0][value]", frameworkId));
    }

    /** The user's learning plans (any status). */
    public JsonNode userPlans(long userId) {
        return call("core_competency_list_user_plans", MoodleParams.none().add("userid", userId));
    }

    /** A plan's competencies, each with the user's rating ({@code usercompetency} or, once complete, {@code usercompetencyplan}). */
    public JsonNode planCompetencies(long planId) {
        return call("core_competency_list_plan_competencies", MoodleParams.none().add("id", planId));
    }

    /** A learning plan for the user, without a template; answers the plan (with its id). */
    public JsonNode createPlan(long userId, String name, String description, int status) {
        return call("core_competency_create_plan", MoodleParams.none().add("plan[name]", name)
                .add("plan[description]", description).add("plan[descriptionformat]", 1)
                .add("plan[userid]", userId).add("plan[status]", status));
    }

    public JsonNode addCompetencyToPlan(long planId, long competencyId) {
        return call("core_competency_add_competency_to_plan", MoodleParams.none().add("planid", planId)
                .add("competencyid", competencyId));
    }

    /** Warnings Moodle attached to an answer ({@code warnings[]}), as "item itemid: message". */
    public static List<String> warnings(JsonNode answer) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (JsonNode w : answer.path("warnings")) {
            out.add(w.path("item").asText("") + " " + w.path("itemid").asText("") + ": "
                    + w.path("message").asText(w.path("warningcode").asText("")));
        }
        return out;
    }
}
