package dev.waypoint.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads statements from an external LRS (xAPI 1.0.3 Communication §2.1.3, GET Statements): one page per call,
 * with the {@code more} IRL resolved against the LRS and {@code X-Experience-API-Consistent-Through} reported;
 * and stores one statement there under its id (§2.1.1, PUT Statements), which an LRS answers 204 also when it
 * holds that statement already, so a resend is harmless.
 * Calls go through OkHttp with a Resilience4j retry (connection faults, 5xx, 429, with exponential backoff) and a
 * circuit breaker per LRS; 4xx other than 429 are not retried (wrong credentials do not get better).
 */
public final class XapiClient {

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final XapiProperties.Lrs lrs;
    private final HttpUrl endpoint;
    private final Retry retry;
    private final CircuitBreaker breaker;

    public XapiClient(OkHttpClient http, ObjectMapper json, XapiProperties.Lrs lrs, int attempts, Duration firstBackoff) {
        this.http = http;
        this.json = json;
        this.lrs = lrs;
        String base = lrs.endpoint().endsWith("/") ? lrs.endpoint() : lrs.endpoint() + "/";
        this.endpoint = HttpUrl.get(base);
        this.retry = Retry.of("lrs-" + lrs.name(), RetryConfig.custom()
                .maxAttempts(attempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(firstBackoff, 2.0))
                .retryOnException(e -> e instanceof UncheckedIOException || e instanceof LrsException l && l.retryable())
                .build());
        this.breaker = CircuitBreaker.of("lrs-" + lrs.name(), CircuitBreakerConfig.custom()
                .slidingWindowSize(20).minimumNumberOfCalls(10).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofMinutes(1))
                .ignoreException(e -> e instanceof LrsException l && !l.retryable())
                .build());
    }

    /** One page of statements and where the next one is. */
    public record Page(List<JsonNode> statements, String more, String consistentThrough, String version) {
    }

    /** The first page of statements stored after {@code since} (all when null), oldest first. */
    public Page first(String since) {
        HttpUrl.Builder url = endpoint.newBuilder().addPathSegment("statements")
                .addQueryParameter("limit", String.valueOf(lrs.pageLimit()))
                .addQueryParameter("ascending", "true");
        if (since != null) {
            url.addQueryParameter("since", since);
        }
        return fetch(url.build());
    }

    /** The page a {@code more} IRL names (relative to the LRS's origin, or absolute). */
    public Page next(String more) {
        HttpUrl url = endpoint.resolve(more);
        if (url == null) {
            throw new LrsException("the LRS answered a 'more' link that is not a URL: " + more, false);
        }
        return fetch(url);
    }

    /** PUT one statement under {@code statementId}; a 409 (the LRS holds other content under that id) is not retried. */
    public void put(String statementId, JsonNode statement) {
        HttpUrl url = endpoint.newBuilder().addPathSegment("statements").addQueryParameter("statementId", statementId).build();
        Retry.decorateRunnable(retry, CircuitBreaker.decorateRunnable(breaker, () -> send(url, statement))).run();
    }

    private void send(HttpUrl url, JsonNode statement) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(statement);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new LrsException("the statement for LRS " + lrs.name() + " does not serialise: " + e.getOriginalMessage(), false);
        }
        Request request = new Request.Builder().url(url)
                .header("X-Experience-API-Version", lrs.version())
                .header("Authorization", Credentials.basic(lrs.key(), lrs.secret()))
                .put(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                int code = response.code();
                throw new LrsException("LRS " + lrs.name() + " answered " + code + " to PUT " + url.encodedPath(),
                        code >= 500 || code == 429);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Page fetch(HttpUrl url) {
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, () -> call(url))).get();
    }

    private Page call(HttpUrl url) {
        Request request = new Request.Builder().url(url)
                .header("X-Experience-API-Version", lrs.version())
                .header("Accept", "application/json")
                .header("Authorization", Credentials.basic(lrs.key(), lrs.secret()))
                .get().build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                int code = response.code();
                throw new LrsException("LRS " + lrs.name() + " answered " + code + " for " + url.encodedPath(),
                        code >= 500 || code == 429);
            }
            ResponseBody body = response.body();
            JsonNode result = json.readTree(body == null ? "" : body.string());
            if (result == null || !result.path("statements").isArray()) {
                throw new LrsException("LRS " + lrs.name() + " answered no StatementResult (a 'statements' array)", true);
            }
            List<JsonNode> statements = new ArrayList<>();
            result.path("statements").forEach(statements::add);
            String more = result.path("more").asText("");
            return new Page(statements, more.isBlank() ? null : more,
                    response.header("X-Experience-API-Consistent-Through"), response.header("X-Experience-API-Version"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new LrsException("LRS " + lrs.name() + " answered something that is not JSON", true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
