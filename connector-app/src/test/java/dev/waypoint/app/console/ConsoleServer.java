package dev.waypoint.app.console;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.waypoint.app.support.ServerTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One server for the console tests, with every source the overview reports on: a stubbed Moodle site (the
 * recorded Moodle 4.5 answers), a Canvas, a polled LRS, and an HR sync writing files to a temporary directory.
 */
@ServerTest
abstract class ConsoleServer {

    static final String MOODLE_TOKEN = "c0ffee00c0ffee00c0ffee00c0ffee00";
    static final WireMockServer SOURCES = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    static final Path HR_FILES;

    static {
        SOURCES.start();
        try {
            HR_FILES = Files.createTempDirectory("console-hr-files");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        moodle("core_webservice_get_site_info", "core_webservice_get_site_info.json");
        moodle("core_enrol_get_enrolled_users", "core_enrol_get_enrolled_users.json");
        moodle("core_enrol_get_users_courses", "core_enrol_get_users_courses.json");
        moodle("core_badges_get_user_badges", "core_badges_get_user_badges.json");
        moodle("core_completion_get_course_completion_status", "core_completion_get_course_completion_status.json");
        SOURCES.stubFor(get(urlPathEqualTo("/lrs/statements")).willReturn(okJson("{\"statements\":[],\"more\":\"\"}")
                .withHeader("X-Experience-API-Version", "1.0.3")));
    }

    @DynamicPropertySource
    static void sources(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:waypoint-console-test;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("waypoint.canvas.tenants.console-canvas.base-url", () -> SOURCES.baseUrl() + "/canvas");
        registry.add("waypoint.canvas.tenants.console-canvas.access-token", () -> "canvas-token-for-the-console");
        registry.add("waypoint.xapi.lrs[0].name", () -> "company-lrs");
        registry.add("waypoint.xapi.lrs[0].tenant", () -> "default");
        registry.add("waypoint.xapi.lrs[0].endpoint", () -> SOURCES.baseUrl() + "/lrs/");
        registry.add("waypoint.xapi.lrs[0].key", () -> "lrs-key");
        registry.add("waypoint.xapi.lrs[0].secret", () -> "lrs-secret");
        registry.add("waypoint.xapi.lrs[0].poll-every", () -> "1h");
        registry.add("waypoint.hr-sync.cron", () -> "-");
        registry.add("waypoint.hr-sync.tenants.default.files.directory", HR_FILES::toString);
    }

    private static void moodle(String function, String file) {
        SOURCES.stubFor(post(urlPathEqualTo("/moodle/webservice/rest/server.php"))
                .withFormParam("wstoken", equalTo(MOODLE_TOKEN)).withFormParam("wsfunction", equalTo(function))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(resource("/moodle-site/" + file))));
    }

    private static String resource(String path) {
        try (InputStream in = ConsoleServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(path, e);
        }
    }
}
