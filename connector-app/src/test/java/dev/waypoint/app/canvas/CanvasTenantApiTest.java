package dev.waypoint.app.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.ApiClient.Answer;
import dev.waypoint.app.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant's Canvas set through {@code PUT /api/v1/canvas/tenants/{tenant}}: stored, shown without its
 * secrets, refused with the fields at fault, and used by the next sync at once.
 */
@ServerTest
class CanvasTenantApiTest extends CanvasServer {

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        canvasWithTwoCourses();
    }

    private String campus(String extra) {
        return """
                {"baseUrl":"%s","accessToken":"secret-token-campus","courses":["210"],"syncCron":"0 30 1 * * *",
                 "writeBackCourseId":"900","pathModule":true,"liveEventsSecret":"secret-live-campus"%s}
                """.formatted(CANVAS.baseUrl(), extra);
    }

    @Test
    void storesTheConfigurationAndShowsOnlyThatTheSecretsAreSet() {
        Answer saved = put("/api/v1/canvas/tenants/campus", campus(""));

        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        Answer shown = api.get("/api/v1/canvas/tenants/campus");
        assertThat(shown.status()).isEqualTo(200);
        JsonNode view = shown.body();
        assertThat(view.path("source").asText()).isEqualTo("api");
        assertThat(view.path("baseUrl").asText()).isEqualTo(CANVAS.baseUrl());
        assertThat(view.path("auth").asText()).isEqualTo("access_token");
        assertThat(view.path("accessTokenSet").asBoolean()).isTrue();
        assertThat(view.path("liveEventsSecretSet").asBoolean()).isTrue();
        assertThat(view.path("courses").toString()).isEqualTo("[\"210\"]");
        assertThat(view.path("syncCron").asText()).isEqualTo("0 30 1 * * *");
        assertThat(view.path("pathModule").asBoolean()).isTrue();
        assertThat(shown.raw()).doesNotContain("secret-token-campus", "secret-live-campus");
        assertThat(saved.raw()).doesNotContain("secret-token-campus", "secret-live-campus");
        assertThat(api.get("/api/v1/canvas/tenants").raw()).contains("\"campus\"").doesNotContain("secret-token-campus");
    }

    @Test
    void aSecretLeftOutIsKeptAndAnEmptyOneRemoved() {
        put("/api/v1/canvas/tenants/keeper", campus(""));

        Answer again = put("/api/v1/canvas/tenants/keeper", """
                {"baseUrl":"%s","courses":["205"],"liveEventsSecret":""}
                """.formatted(CANVAS.baseUrl()));

        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.body().path("accessTokenSet").asBoolean()).as("kept").isTrue();
        assertThat(again.body().path("liveEventsSecretSet").asBoolean()).as("removed").isFalse();
        assertThat(again.body().path("courses").toString()).isEqualTo("[\"205\"]");
    }

    @Test
    void refusesABadConfigurationNamingEveryFieldAndStoresNothing() {
        Answer refused = put("/api/v1/canvas/tenants/broken", """
                {"baseUrl":"http://canvas.example.edu","courses":["205","two"],"syncCron":"every night",
                 "pathModule":true,"maxConcurrentCalls":50,"oauthClientId":"1000","accessToken":"t"}
                """);

        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.errors()).contains("baseUrl", "courses[1]", "syncCron", "pathModule", "maxConcurrentCalls",
                "accessToken", "oauthClientSecret").doesNotContain("oauthRefreshToken");
        assertThat(api.get("/api/v1/canvas/tenants/broken").status()).isEqualTo(404);
    }

    @Test
    void refusesABodyThatIsNotJsonAndATenantIdThatCannotBeOne() {
        assertThat(put("/api/v1/canvas/tenants/campus", "{not json").status()).isEqualTo(400);
        Answer badId = put("/api/v1/canvas/tenants/-x", campus(""));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.errors()).contains("tenant");
    }

    @Test
    void aDeveloperKeyIsStoredWithItsSecretsHidden() {
        Answer saved = put("/api/v1/canvas/tenants/devkey", """
                {"baseUrl":"https://school.instructure.com","oauthClientId":"10000000000042",
                 "oauthClientSecret":"dev-key-secret","oauthRefreshToken":"refresh-me"}
                """);

        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.body().path("auth").asText()).isEqualTo("developer_key");
        assertThat(saved.body().path("oauthClientId").asText()).isEqualTo("10000000000042");
        assertThat(saved.body().path("oauthRefreshTokenSet").asBoolean()).isTrue();
        assertThat(saved.raw()).doesNotContain("dev-key-secret", "refresh-me");
    }

    @Test
    void theNextSyncReadsTheStoredCoursesAndTheGetShowsItsCounts() {
        put("/api/v1/canvas/tenants/campus", campus(""));

        Answer sync = api.postJson("/api/v1/canvas/sync?tenant=campus", "");

        assertThat(sync.status()).as(sync.raw()).isEqualTo(200);
        CANVAS.verify(getRequestedFor(urlPathEqualTo("/api/v1/courses/210/enrollments"))
                .withHeader("Authorization", equalTo("Bearer secret-token-campus")));
        CANVAS.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/courses/205/enrollments")));
        JsonNode last = api.get("/api/v1/canvas/tenants/campus").body().path("lastSync");
        assertThat(last.path("status").asText()).isEqualTo("succeeded");
        assertThat(last.path("trigger").asText()).isEqualTo("on_demand");
        assertThat(last.path("courses").asInt()).isEqualTo(1);
        assertThat(last.path("students").asInt()).isEqualTo(sync.body().path("students").asInt()).isPositive();
        assertThat(last.path("calls").asLong()).isEqualTo(sync.body().path("calls").asLong());
        assertThat(last.path("errors")).isEmpty();
    }

    @Test
    void showsAPropertiesTenantAndItsFailedCoursesInTheLastSync() {
        CANVAS.stubFor(get(urlPathEqualTo("/api/v1/courses/205/enrollments")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(403)
                        .withBody("{\"errors\":[{\"message\":\"user not authorized to perform that action\"}]}")));
        api.postJson("/api/v1/canvas/sync?tenant=default", "");

        JsonNode view = api.get("/api/v1/canvas/tenants/default").body();

        assertThat(view.path("source").asText()).isEqualTo("properties");
        assertThat(view.path("lastSync").path("status").asText()).isEqualTo("partial");
        assertThat(view.path("lastSync").path("errors").toString()).contains("course 205");
    }

    @Test
    void theConfigurationNeedsTheAdminToken() {
        assertThat(api.withToken(null).get("/api/v1/canvas/tenants/default").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/canvas/tenants/nowhere").status()).isEqualTo(404);
    }

    private Answer put(String path, String body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = new ObjectMapper().readTree(response.body());
            } catch (Exception e) {
                json = new ObjectMapper().nullNode();
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json,
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
