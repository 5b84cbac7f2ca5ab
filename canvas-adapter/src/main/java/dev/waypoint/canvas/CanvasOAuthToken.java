package dev.waypoint.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Access tokens of a Canvas developer key (Canvas OAuth2 endpoint {@code POST /login/oauth2/token},
 * RFC 6749 §4.1.3 authorization code and §6 refresh). The access token lives about an hour; it is
 * refreshed a minute before it expires, and at once when Canvas rejects it.
 * The refresh token and client secret never leave this object and are never logged.
 */
public final class CanvasOAuthToken implements CanvasAccessToken {

    private static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);

    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final OkHttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private String refreshToken;
    private String accessToken;
    private Instant expiresAt = Instant.MIN;

    public CanvasOAuthToken(String baseUrl, String clientId, String clientSecret, String refreshToken,
                            OkHttpClient http, ObjectMapper json, Clock clock) {
        this.tokenUrl = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "") + "/login/oauth2/token";
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.refreshToken = refreshToken;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Where an admin's browser is sent to authorize the developer key (Canvas {@code GET /login/oauth2/auth},
     * RFC 6749 §4.1.1); Canvas sends it back to {@code redirectUri} with {@code code} and the same {@code state}.
     */
    public static String authorizationUrl(String baseUrl, String clientId, String redirectUri, String state) {
        HttpUrl auth = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "") + "/login/oauth2/auth");
        if (auth == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        return auth.newBuilder().addQueryParameter("client_id", clientId).addQueryParameter("response_type", "code")
                .addQueryParameter("redirect_uri", redirectUri).addQueryParameter("state", state).build().toString();
    }

    /**
     * Exchanges the code of the authorization redirect for the first access and refresh token, and answers
     * the refresh token: the one thing the caller must keep (stored as a secret) for the next start.
     */
    public synchronized String exchangeCode(String code, String redirectUri) {
        request(new FormBody.Builder().add("grant_type", "authorization_code").add("client_id", clientId)
                .add("client_secret", clientSecret).add("redirect_uri", redirectUri).add("code", code).build());
        if (refreshToken == null) {
            throw new CanvasException.BadResponse("Canvas answered the authorization code without a refresh_token", null);
        }
        return refreshToken;
    }

    @Override
    public synchronized String bearer() {
        if (accessToken == null || !clock.instant().isBefore(expiresAt.minus(REFRESH_AHEAD))) {
            refresh();
        }
        return accessToken;
    }

    @Override
    public synchronized boolean renewAfterRejection(String rejected) {
        if (refreshToken == null) {
            return false;
        }
        if (accessToken != null && !accessToken.equals(rejected)) {
            return true; // another call renewed it meanwhile
        }
        refresh();
        return true;
    }

    private void refresh() {
        if (refreshToken == null) {
            throw new CanvasException.Unauthorized("no Canvas refresh token: the developer key must be authorized first");
        }
        request(new FormBody.Builder().add("grant_type", "refresh_token").add("client_id", clientId)
                .add("client_secret", clientSecret).add("refresh_token", refreshToken).build());
    }

    private void request(FormBody form) {
        Request request = new Request.Builder().url(tokenUrl).post(form).build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (response.code() == 400 || response.code() == 401) {
                throw new CanvasException.Unauthorized("Canvas refused the developer key's token request (HTTP "
                        + response.code() + "): authorize the developer key again");
            }
            if (!response.isSuccessful()) {
                throw new CanvasException.Unavailable(response.code(), "Canvas token endpoint answered HTTP " + response.code(), null);
            }
            JsonNode answer = json.readTree(text);
            if (!answer.hasNonNull("access_token")) {
                throw new CanvasException.BadResponse("Canvas token answer has no access_token", null);
            }
            accessToken = answer.get("access_token").asText();
            if (answer.hasNonNull("refresh_token")) {
                refreshToken = answer.get("refresh_token").asText();
            }
            long lifetime = answer.path("expires_in").asLong(3600);
            expiresAt = clock.instant().plusSeconds(lifetime);
        } catch (IOException e) {
            throw new CanvasException.Unavailable(0, "Canvas token endpoint unreachable: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Canvas OAuth2 token for client " + clientId + " (secrets hidden)";
    }
}
