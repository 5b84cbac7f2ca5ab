package dev.waypoint.app.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.waypoint.app.support.ApiClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock Moodle serving the recorded answers in src/test/resources/moodle-site the way Moodle is called
 * (form POSTs to server.php with the token), plus the admin's PUT of the site settings.
 */
final class MoodleSiteStub {

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    final String token;

    MoodleSiteStub(String token) {
        this.token = token;
        server.start();
    }

    String base() {
        return "http://localhost:" + server.port();
    }

    /** The answer for {@code function}; with params it wins over the same function without. */
    void serve(String function, String file, String... params) {
        MappingBuilder mapping = post(urlPathEqualTo("/webservice/rest/server.php"))
                .withFormParam("wstoken", equalTo(token))
                .withFormParam("wsfunction", equalTo(function))
                .withFormParam("moodlewsrestformat", equalTo("json"))
                .atPriority(params.length == 0 ? 10 : 1);
        for (int i = 0; i < params.length; i += 2) {
            mapping.withFormParam(params[i], equalTo(params[i + 1]));
        }
        server.stubFor(mapping.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(read(file))));
    }

    /** The people, courses and badges of the recorded site, as the sync reads them. */
    void serveSyncAnswers() {
        serve("core_webservice_get_site_info", "core_webservice_get_site_info.json");
        serve("core_enrol_get_enrolled_users", "core_enrol_get_enrolled_users.json", "courseid", "2",
                "options[0][name]", "limitfrom", "options[0][value]", "0", "options[1][name]", "limitnumber");
        serve("core_enrol_get_users_courses", "core_enrol_get_users_courses.dev.json");
        serve("core_enrol_get_users_courses", "core_enrol_get_users_courses.json", "userid", "3");
        serve("core_enrol_get_users_courses", "core_enrol_get_users_courses.bob.json", "userid", "4");
        serve("core_badges_get_user_badges", "core_badges_get_user_badges.none.json");
        serve("core_badges_get_user_badges", "core_badges_get_user_badges.json", "userid", "3");
        serve("core_badges_get_user_badges", "core_badges_get_user_badges.bob.json", "userid", "4");
        serve("core_completion_get_course_completion_status", "core_completion_get_course_completion_status.json");
    }

    RequestPatternBuilder call(String function) {
        return postRequestedFor(urlPathEqualTo("/webservice/rest/server.php"))
                .withFormParam("wstoken", equalTo(token)).withFormParam("wsfunction", equalTo(function))
                .withFormParam("moodlewsrestformat", equalTo("json"));
    }

    void stop() {
        server.stop();
    }

    static String read(String file) {
        try (InputStream in = MoodleSiteStub.class.getResourceAsStream("/moodle-site/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(file, e);
        }
    }

    /** The id of the tenant's person who has this e-mail among their identities. */
    static String personWith(ApiClient api, String tenant, String email) {
        for (JsonNode person : api.get("/api/v1/people?tenant=" + tenant + "&limit=100").body().path("items")) {
            if (person.path("identities").toString().contains(email)) {
                return person.path("id").asText();
            }
        }
        throw new AssertionError("nobody with " + email + " in " + tenant);
    }

    /** PUT through the JDK client: the shared ApiClient has no PUT. */
    static ApiClient.Answer put(int port, String path, String body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    new ObjectMapper().readTree(response.body()), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
