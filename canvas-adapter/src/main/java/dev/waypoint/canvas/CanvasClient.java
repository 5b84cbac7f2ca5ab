package dev.waypoint.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Every call Waypoint makes to the Canvas REST API: the bearer token (renewed and the call tried once
 * more on 401), paging by the {@code Link} header, Canvas's throttling ({@link CanvasThrottle}; a
 * 403 "Rate Limit Exceeded" is waited out and retried, not taken as a permission error), retries with
 * exponential back-off on rate limits, 5xx and timeouts (Resilience4j Retry), a small number of calls
 * in flight per token (Resilience4j Bulkhead), and one exception type per way Canvas can refuse.
 */
public final class CanvasClient {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final int MAX_PAGES = 100_000;

    private final CanvasProperties properties;
    private final CanvasAccessToken token;
    private final OkHttpClient http;
    private final ObjectMapper json;
    private final HttpUrl base;
    private final CanvasThrottle throttle;
    private final Retry retry;
    private final Bulkhead bulkhead;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();

    public CanvasClient(CanvasProperties properties, CanvasAccessToken token, OkHttpClient http, ObjectMapper json) {
        this.properties = properties;
        this.token = token;
        this.json = json;
        this.http = http.newBuilder().callTimeout(properties.callTimeout()).build();
        this.base = HttpUrl.get(properties.baseUrl());
        this.throttle = new CanvasThrottle(properties.slowDownBelow(), properties.bucketLeakPerSecond());
        this.retry = Retry.of("canvas", RetryConfig.custom()
                .maxAttempts(properties.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.retryBackoff(), 2.0))
                .retryOnException(e -> e instanceof CanvasException c && c.retryable())
                .build());
        this.bulkhead = Bulkhead.of("canvas", BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrentCalls())
                .maxWaitDuration(Duration.ofMinutes(10))
                .build());
    }

    /** Every element of a paged list, e.g. {@code /api/v1/courses/1/enrollments?type[]=StudentEnrollment}. */
    public List<JsonNode> list(String pathAndQuery) {
        return list(pathAndQuery, null);
    }

    /**
     * Every element of a paged list that Canvas wraps in an object, e.g. {@code outcome_results} of
     * {@code /api/v1/courses/1/outcome_results}; {@code field} null for a bare JSON list.
     */
    public List<JsonNode> list(String pathAndQuery, String field) {
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode page : pages(pathAndQuery)) {
            JsonNode body = field == null ? page : page.path(field);
            if (!body.isArray()) {
                throw new CanvasException.BadResponse("expected a JSON list from " + pathAndQuery, null);
            }
            body.forEach(items::add);
        }
        return items;
    }

    /**
     * Every page of a paged answer as Canvas sent it, for answers that carry more than the list, such as
     * the {@code linked} objects an {@code include[]} adds to each page of outcome results.
     */
    public List<JsonNode> pages(String pathAndQuery) {
        List<JsonNode> pages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String url = withPerPage(resolve(pathAndQuery));
        for (int page = 0; url != null; page++) {
            if (page >= MAX_PAGES || !seen.add(url)) {
                throw new CanvasException.BadResponse("Canvas paging does not end (page link repeats): " + pathAndQuery, null);
            }
            Answer answer = call("GET", url, null, null);
            pages.add(answer.body());
            url = answer.next().map(this::onOurHost).orElse(null);
        }
        return pages;
    }

    /** One object, e.g. {@code /api/v1/courses/1/users/7/progress}. */
    public JsonNode get(String pathAndQuery) {
        return call("GET", resolve(pathAndQuery), null, null).body();
    }

    /** A write; {@code contentType} is JSON unless Canvas asks for its own type (AGS media types). */
    public JsonNode send(String method, String pathOrUrl, String contentType, String body) {
        String url = pathOrUrl.startsWith("http") ? onOurHost(pathOrUrl) : resolve(pathOrUrl);
        return call(method, url, contentType, body).body();
    }

    /**
     * A call with a bearer token other than this client's, such as an LTI Advantage token for the AGS
     * endpoints under {@code /api/lti/}; it is retried like any call but never renewed here.
     */
    public JsonNode sendWithToken(String method, String pathOrUrl, String contentType, String accept, String body, String bearer) {
        String url = pathOrUrl.startsWith("http") ? onOurHost(pathOrUrl) : resolve(pathOrUrl);
        Supplier<Answer> once = () -> attempt(method, url, contentType, accept, body, bearer);
        return Retry.decorateSupplier(retry, Bulkhead.decorateSupplier(bulkhead, once)).get().body();
    }

    /** The Canvas this client talks to, for links shown to learners. */
    public String baseUrl() {
        return properties.baseUrl();
    }

    /** Calls sent (every try counts), and how many of them Canvas refused for rate. */
    public CallCount callCount() {
        return new CallCount(calls.get(), rateLimited.get(), throttle.totalPaused());
    }

    /** What this client has cost so far: calls, rate-limit refusals, and time spent waiting for the bucket. */
    public record CallCount(long calls, long rateLimitRefusals, Duration pausedForBucket) {
    }

    private Answer call(String method, String url, String contentType, String body) {
        Supplier<Answer> once = () -> withTokenRenewal(method, url, contentType, body);
        return Retry.decorateSupplier(retry, Bulkhead.decorateSupplier(bulkhead, once)).get();
    }

    private Answer withTokenRenewal(String method, String url, String contentType, String body) {
        String bearer = token.bearer();
        try {
            return attempt(method, url, contentType, null, body, bearer);
        } catch (CanvasException.Unauthorized e) {
            if (!token.renewAfterRejection(bearer)) {
                throw e;
            }
            return attempt(method, url, contentType, null, body, token.bearer());
        }
    }

    private Answer attempt(String method, String url, String contentType, String accept, String body, String bearer) {
        try {
            throttle.awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CanvasException.Unavailable(0, "interrupted while waiting for the Canvas rate limit", e);
        }
        RequestBody requestBody = body == null ? null
                : RequestBody.create(body, contentType == null ? JSON : MediaType.get(contentType));
        Request request = new Request.Builder().url(url)
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", accept == null ? "application/json" : accept)
                .method(method, requestBody).build();
        calls.incrementAndGet();
        try (Response response = http.newCall(request).execute()) {
            throttle.observe(response.header("X-Rate-Limit-Remaining"), response.header("X-Request-Cost"));
            ResponseBody responseBody = response.body();
            String text = responseBody == null ? "" : responseBody.string();
            if (!response.isSuccessful()) {
                throw refusal(response.code(), text, method, request.url());
            }
            JsonNode parsed = text.isBlank() ? json.nullNode() : json.readTree(text);
            return new Answer(parsed, CanvasLinkHeader.next(response.header("Link")));
        } catch (CanvasException e) {
            throw e;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CanvasException.BadResponse("Canvas answered " + method + " " + pathOf(request.url())
                    + " with something that is not JSON", e);
        } catch (IOException e) {
            throw new CanvasException.Unavailable(0, "Canvas did not answer " + method + " " + pathOf(request.url())
                    + ": " + e.getMessage(), e);
        }
    }

    private CanvasException refusal(int status, String text, String method, HttpUrl url) {
        String where = method + " " + pathOf(url);
        if (status == 429 || (status == 403 && text.contains("Rate Limit Exceeded"))) {
            rateLimited.incrementAndGet();
            throttle.observeEmpty();
            return new CanvasException.RateLimited(status, "Canvas rate limit exceeded on " + where);
        }
        String detail = where + " → HTTP " + status + ": " + abbreviate(text);
        return switch (status) {
            case 401 -> new CanvasException.Unauthorized("Canvas rejected the access token on " + where);
            case 403 -> new CanvasException.Forbidden("the Canvas token may not do " + detail);
            case 404 -> new CanvasException.NotFound("Canvas has no such object: " + detail);
            case 422 -> new CanvasException.Unprocessable("Canvas refused the content: " + detail);
            default -> status >= 500
                    ? new CanvasException.Unavailable(status, "Canvas failed: " + detail, null)
                    : new CanvasException.Rejected(status, "Canvas rejected the request: " + detail);
        };
    }

    private String resolve(String pathAndQuery) {
        HttpUrl url = base.resolve(pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery);
        if (url == null) {
            throw new IllegalArgumentException("not a Canvas path: " + pathAndQuery);
        }
        return url.toString();
    }

    private String withPerPage(String url) {
        HttpUrl parsed = HttpUrl.get(url);
        return parsed.queryParameter("per_page") != null ? url
                : parsed.newBuilder().addQueryParameter("per_page", String.valueOf(properties.perPage())).build().toString();
    }

    /** Our token only ever goes to the Canvas we were configured for, whatever a Link header says. */
    private String onOurHost(String link) {
        HttpUrl url = HttpUrl.parse(link);
        if (url == null) {
            throw new CanvasException.BadResponse("Canvas paging link is not a URL: '" + abbreviate(link) + "'", null);
        }
        if (!url.scheme().equals(base.scheme()) || !url.host().equals(base.host()) || url.port() != base.port()) {
            throw new CanvasException.BadResponse("Canvas paging link points at another host: " + url.host(), null);
        }
        return url.toString();
    }

    private static String pathOf(HttpUrl url) {
        return url.encodedPath();
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    private record Answer(JsonNode body, Optional<String> next) {
    }
}
