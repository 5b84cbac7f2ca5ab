package dev.waypoint.app.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.lti.ClientAssertion;
import dev.waypoint.core.lti.Registration;
import dev.waypoint.core.lti.ToolKeyRing;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Calls a platform's LTI Advantage services: fetches an access token with the client-credentials grant
 * and a {@code private_key_jwt} assertion (LTI Security Framework 1.0 §4.1), caches it until shortly
 * before it expires, and sends service requests with it. Every call goes through OkHttp with timeouts,
 * a Resilience4j retry with backoff on I/O errors, 5xx and 429, and a circuit breaker per platform.
 */
public class PlatformServices {

    private static final long TOKEN_MARGIN_SECONDS = 60;

    private final OkHttpClient http;
    private final ToolKeyRing keys;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .failureRateThreshold(50).minimumNumberOfCalls(10).waitDurationInOpenState(Duration.ofSeconds(30)).build());
    private final Retry retry = Retry.of("lti-services", RetryConfig.<Answer>custom()
            .maxAttempts(3).waitDuration(Duration.ofMillis(200))
            .retryOnResult(answer -> answer.status() >= 500 || answer.status() == 429)
            .retryExceptions(IOException.class, UncheckedIOException.class).build());

    public PlatformServices(OkHttpClient http, ToolKeyRing keys, Clock clock) {
        this.http = http;
        this.keys = keys;
        this.clock = clock;
    }

    /** An access token for these scopes, from the cache while it is still good. */
    public String token(Registration registration, List<String> scopes) {
        String key = registration.id() + " " + String.join(" ", scopes);
        Token cached = tokens.get(key);
        Instant now = clock.instant();
        if (cached != null && cached.expiresAt().isAfter(now)) {
            return cached.value();
        }
        if (registration.tokenEndpoint() == null) {
            throw new ServiceFailure("registration " + registration.id() + " has no token endpoint", false);
        }
        FormBody.Builder form = new FormBody.Builder();
        ClientAssertion.tokenRequest(registration, keys.signingKey(), scopes, now).forEach(form::add);
        Answer answer = call(registration, new Request.Builder().url(registration.tokenEndpoint())
                .header("Accept", "application/json").post(form.build()).build());
        if (answer.status() != 200 || !answer.body().hasNonNull("access_token")) {
            // The body of a token error names the problem (e.g. invalid_client) and holds no secret.
            throw new ServiceFailure("token endpoint answered " + answer.status() + " "
                    + answer.body().path("error").asText(""), answer.status() >= 500 || answer.status() == 429);
        }
        long lifetime = Math.max(0, answer.body().path("expires_in").asLong(3600) - TOKEN_MARGIN_SECONDS);
        tokens.put(key, new Token(answer.body().get("access_token").asText(), now.plusSeconds(lifetime)));
        return answer.body().get("access_token").asText();
    }

    /** Forgets cached tokens of a registration, e.g. after the platform answered 401. */
    public void forgetTokens(Registration registration) {
        tokens.keySet().removeIf(key -> key.startsWith(registration.id() + " "));
    }

    public Answer get(Registration registration, String url, String token, String accept) {
        return call(registration, new Request.Builder().url(url).header("Authorization", "Bearer " + token)
                .header("Accept", accept).get().build());
    }

    public Answer post(Registration registration, String url, String token, String contentType, Object body) {
        try {
            RequestBody payload = RequestBody.create(json.writeValueAsBytes(body), MediaType.get(contentType));
            return call(registration, new Request.Builder().url(url).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").post(payload).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET of a platform document before any registration exists (dynamic registration). */
    public Answer fetch(String url) {
        Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json").get();
        return call("lti-registration", request.build());
    }

    /** POST of the tool's configuration to a platform's registration endpoint, with its one-time token. */
    public Answer register(String endpoint, String registrationToken, Object configuration) {
        try {
            Request.Builder request = new Request.Builder().url(endpoint).header("Accept", "application/json")
                    .post(RequestBody.create(json.writeValueAsBytes(configuration), MediaType.get("application/json")));
            if (registrationToken != null && !registrationToken.isBlank()) {
                request.header("Authorization", "Bearer " + registrationToken);
            }
            return call("lti-registration", request.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer call(Registration registration, Request request) {
        return call("lti-" + registration.id(), request);
    }

    private Answer call(String breakerName, Request request) {
        CircuitBreaker breaker = breakers.circuitBreaker(breakerName);
        Supplier<Answer> send = () -> {
            try (Response response = http.newCall(request).execute()) {
                String text = response.body() == null ? "" : response.body().string();
                JsonNode body = text.isBlank() ? json.nullNode() : parse(text);
                return new Answer(response.code(), body, response.header("Link"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, send)).get();
        } catch (UncheckedIOException e) {
            throw new ServiceFailure("cannot reach " + request.url().host() + ": " + e.getCause().getMessage(), true);
        } catch (io.github.resilience4j.circuitbreaker.CallNotPermittedException e) {
            throw new ServiceFailure("calls to " + request.url().host() + " are paused after repeated failures", true);
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(text.length() > 200 ? text.substring(0, 200) : text);
        }
    }

    public record Answer(int status, JsonNode body, String link) {
    }

    private record Token(String value, Instant expiresAt) {
    }

    /** A service call that failed; {@code retryable} when trying later may succeed. */
    public static final class ServiceFailure extends RuntimeException {
        private final boolean retryable;

        public ServiceFailure(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
