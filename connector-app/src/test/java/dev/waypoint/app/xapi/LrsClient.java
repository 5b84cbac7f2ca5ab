package dev.waypoint.app.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.app.support.ApiClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** An xAPI client as an LRS client is one: real HTTP, Basic auth, the version header; headers can be varied. */
final class LrsClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private LrsClient(int port, Map<String, String> headers) {
        this.port = port;
        this.headers.putAll(headers);
    }

    /** A client with a fresh credential of {@code tenant}, created through the admin API. */
    static LrsClient withNewCredential(int port, String tenant) {
        ApiClient admin = new ApiClient(port);
        ApiClient.Answer created = admin.postJson("/api/v1/xapi/credentials", "{\"tenant\":\"" + tenant + "\",\"label\":\"test client\"}");
        if (created.status() != 201) {
            throw new IllegalStateException(created.raw());
        }
        return new LrsClient(port, Map.of()).basic(created.body().path("key").asText(), created.body().path("secret").asText())
                .header("X-Experience-API-Version", "1.0.3").header("Content-Type", "application/json");
    }

    LrsClient basic(String key, String secret) {
        return header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    LrsClient header(String name, String value) {
        LrsClient copy = new LrsClient(port, headers);
        if (value == null) {
            copy.headers.remove(name);
        } else {
            copy.headers.put(name, value);
        }
        return copy;
    }

    Answer post(String body) {
        return send("POST", "/xapi/statements", body.getBytes(StandardCharsets.UTF_8));
    }

    Answer post(byte[] body) {
        return send("POST", "/xapi/statements", body);
    }

    Answer put(String statementId, String body) {
        return send("PUT", "/xapi/statements?statementId=" + statementId, body.getBytes(StandardCharsets.UTF_8));
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer send(String method, String path, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            } catch (IOException e) {
                json = JSON.getNodeFactory().textNode(response.body());
            }
            return new Answer(response.statusCode(), response.headers().firstValue("X-Experience-API-Version").orElse(null), json, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Answer(int status, String version, JsonNode body, String raw) {
    }

    static String resource(String name) {
        try (InputStream in = LrsClient.class.getResourceAsStream("/xapi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
