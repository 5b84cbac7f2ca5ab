package dev.waypoint.moodle;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** The real Moodle 4.5.6 answers in src/test/resources/moodle-4.5, served the way Moodle is called. */
final class MoodleFixtures {

    static final String TOKEN = "3f2c9a7b1d4e6f80a1b2c3d4e5f60718";

    private MoodleFixtures() {
    }

    static String read(String file) {
        return resource("/moodle-4.5/", file);
    }

    /** An answer built from Moodle's source where no recording exists (see moodle-4.5-source/README.md). */
    static String built(String file) {
        return resource("/moodle-4.5-source/", file);
    }

    private static String resource(String folder, String file) {
        try (InputStream in = MoodleFixtures.class.getResourceAsStream(folder + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A call of {@code function} with the token, JSON format and the given form parameters. */
    static MappingBuilder call(String function, Map<String, String> params) {
        MappingBuilder mapping = post(urlPathEqualTo("/webservice/rest/server.php"))
                .withFormParam("wstoken", equalTo(TOKEN))
                .withFormParam("wsfunction", equalTo(function))
                .withFormParam("moodlewsrestformat", equalTo("json"));
        params.forEach((name, value) -> mapping.withFormParam(name, equalTo(value)));
        return mapping;
    }

    static ResponseDefinitionBuilder json(String file) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(read(file));
    }

    static void serve(WireMockServer moodle, String function, Map<String, String> params, String file) {
        moodle.stubFor(call(function, params).willReturn(json(file)));
    }

    /** The recorded framework 1 ("Data Analytics", default competence scale) and its three competencies. */
    static void serveFramework(WireMockServer moodle) {
        serve(moodle, "core_competency_read_competency_framework", Map.of("id", "1"), "core_competency_read_competency_framework.json");
        serve(moodle, "core_competency_list_competencies", Map.of("filters[0][column]", "competencyframeworkid",
                "filters[0][value]", "1"), "core_competency_list_competencies.json");
    }

    static MoodleProperties site(WireMockServer moodle) {
        return MoodleProperties.of("http://localhost:" + moodle.port(), TOKEN);
    }
}
