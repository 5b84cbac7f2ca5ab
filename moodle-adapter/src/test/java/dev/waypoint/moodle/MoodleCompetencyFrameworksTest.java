package dev.waypoint.moodle;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.waypoint.core.taxonomy.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.waypoint.moodle.MoodleFixtures.call;
import static dev.waypoint.moodle.MoodleFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A role's skills created in Moodle as a competency framework, against the recorded create answers. */
class MoodleCompetencyFrameworksTest {

    private WireMockServer moodle;
    private MoodleClient client;

    @BeforeEach
    void start() {
        moodle = new WireMockServer(options().dynamicPort());
        moodle.start();
        client = new MoodleClient(MoodleFixtures.site(moodle));
        MoodleFixtures.serve(moodle, "core_competency_create_competency_framework", Map.of(),
                "core_competency_create_competency_framework.json");
    }

    @AfterEach
    void stop() {
        moodle.stop();
    }

    @Test
    void theRolesSkillsBecomeCompetenciesOfANewFramework() {
        MoodleFixtures.serve(moodle, "core_competency_create_competency", Map.of(), "core_competency_create_competency.json");
        Role analyst = SampleTaxonomy.get().role("analytics.analyst").orElseThrow();

        MoodleCompetencyFrameworks.Created created = new MoodleCompetencyFrameworks().create(client, analyst, SampleTaxonomy.get());

        assertThat(created.frameworkId()).isEqualTo(2);
        assertThat(created.competencies()).hasSize(analyst.requirements().size()).containsEntry("sql", "waypoint-sql");
        moodle.verify(postRequestedFor(urlPathEqualTo("/webservice/rest/server.php"))
                .withFormParam("wsfunction", equalTo("core_competency_create_competency_framework"))
                .withFormParam("competencyframework[idnumber]", equalTo("waypoint-analytics.analyst"))
                .withFormParam("competencyframework[scaleid]", equalTo("2"))
                .withFormParam("competencyframework[scaleconfiguration]",
                        equalTo("[{\"scaleid\":\"2\"},{\"id\":2,\"scaledefault\":1,\"proficient\":1}]"))
                .withFormParam("competencyframework[contextid]", equalTo("1")));
        moodle.verify(postRequestedFor(urlPathEqualTo("/webservice/rest/server.php"))
                .withFormParam("wsfunction", equalTo("core_competency_create_competency"))
                .withFormParam("competency[competencyframeworkid]", equalTo("2"))
                .withFormParam("competency[idnumber]", equalTo("waypoint-sql"))
                .withFormParam("competency[shortname]", equalTo("SQL")));
    }

    @Test
    void aFailureHalfwaySaysWhichFrameworkToDelete() {
        moodle.stubFor(call("core_competency_create_competency", Map.of()).willReturn(json("error.function_not_in_service.json")));
        Role analyst = SampleTaxonomy.get().role("analytics.analyst").orElseThrow();

        MoodleError error = catchThrowableOfType(MoodleError.class,
                () -> new MoodleCompetencyFrameworks().create(client, analyst, SampleTaxonomy.get()));

        assertThat(error.kind()).isEqualTo(MoodleError.Kind.FUNCTION_NOT_ALLOWED);
        assertThat(error.getMessage()).contains("core_competency_create_competency", "framework 2", "delete it");
    }
}
