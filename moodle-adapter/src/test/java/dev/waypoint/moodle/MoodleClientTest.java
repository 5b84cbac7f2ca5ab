package dev.waypoint.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.waypoint.moodle.MoodleFixtures.TOKEN;
import static dev.waypoint.moodle.MoodleFixtures.call;
import static dev.waypoint.moodle.MoodleFixtures.json;
import static dev.waypoint.moodle.MoodleFixtures.serve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client against Moodle's real answers, its real errors and the faults a network adds. */
class MoodleClientTest {

    private WireMockServer moodle;
    private MoodleClient client;

    @BeforeEach
    void start() {
        moodle = new WireMockServer(options().dynamicPort());
        moodle.start();
        client = new MoodleClient(MoodleFixtures.site(moodle).withCalls(4, Duration.ofSeconds(2), 3));
    }

    @AfterEach
    void stop() {
        moodle.stop();
    }

    @Test
    void sendsTokenFunctionAndJsonFormatAsFormParameters() {
        serve(moodle, "core_enrol_get_users_courses", Map.of("userid", "3"), "core_enrol_get_users_courses.json");

        JsonNode courses = client.usersCourses(3);

        assertThat(courses).hasSize(3);
        assertThat(courses.get(2).path("idnumber").asText()).isEqualTo("SQLF101");
        assertThat(courses.get(2).path("completed").asBoolean()).isTrue();
        moodle.verify(postRequestedFor(urlPathEqualTo("/webservice/rest/server.php"))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("application/x-www-form-urlencoded"))
                .withFormParam("moodlewsrestformat", equalTo("json")));
    }

    @Test
    void readsEveryPullFunctionFromTheRealAnswers() {
        serve(moodle, "core_webservice_get_site_info", Map.of(), "core_webservice_get_site_info.json");
        serve(moodle, "core_enrol_get_enrolled_users", Map.of("courseid", "2", "options[0][name]", "limitfrom",
                "options[0][value]", "0", "options[1][name]", "limitnumber", "options[1][value]", "500"),
                "core_enrol_get_enrolled_users.json");
        serve(moodle, "core_user_get_users_by_field", Map.of("field", "email", "values[0]", "alice@example.com",
                "values[1]", "bob@example.com"), "core_user_get_users_by_field.json");
        serve(moodle, "core_completion_get_course_completion_status", Map.of("courseid", "2", "userid", "3"),
                "core_completion_get_course_completion_status.json");
        serve(moodle, "core_completion_get_activities_completion_status", Map.of("courseid", "2", "userid", "3"),
                "core_completion_get_activities_completion_status.json");
        serve(moodle, "core_badges_get_user_badges", Map.of("userid", "3"), "core_badges_get_user_badges.json");
        serve(moodle, "core_course_get_courses", Map.of(), "core_course_get_courses.json");

        assertThat(client.siteInfo().path("release").asText()).startsWith("4.5.6");
        assertThat(client.enrolledUsers(2, 0, 500)).hasSize(6);
        assertThat(client.usersByField("email", List.of("alice@example.com", "bob@example.com"))).hasSize(2);
        assertThat(client.courseCompletionStatus(2, 3).path("completionstatus").path("completed").asBoolean()).isTrue();
        assertThat(client.activitiesCompletionStatus(2, 3).path("statuses")).hasSize(2);
        assertThat(client.userBadges(3).path("badges")).hasSize(2);
        assertThat(client.courses()).hasSize(3);
        assertThat(client.httpCalls()).isEqualTo(7);
    }

    @Test
    void anInvalidTokenAnsweredWithHttp200IsATypedErrorWithTheFix() {
        moodle.stubFor(call("core_webservice_get_site_info", Map.of()).willReturn(json("error.invalid_token.json")));

        MoodleError error = catchThrowableOfType(MoodleError.class, () -> client.siteInfo());

        assertThat(error.kind()).isEqualTo(MoodleError.Kind.INVALID_TOKEN);
        assertThat(error.getMessage()).contains("core_webservice_get_site_info", "Manage tokens").doesNotContain(TOKEN);
        moodle.verify(1, postRequestedFor(urlPathEqualTo("/webservice/rest/server.php")));
    }

    @Test
    void aFunctionMissingFromTheServiceIsNamed() {
        moodle.stubFor(call("core_badges_get_user_badges", Map.of()).willReturn(json("error.function_not_in_service.json")));

        MoodleError error = catchThrowableOfType(MoodleError.class, () -> client.userBadges(3));

        assertThat(error.kind()).isEqualTo(MoodleError.Kind.FUNCTION_NOT_ALLOWED);
        assertThat(error.getMessage()).contains("add core_badges_get_user_badges to the external service");
    }

    @Test
    void aMissingAndAWrongTypeParameterGiveTheSameBodyAndTheSameError() {
        assertThat(MoodleFixtures.read("error.missing_parameter.json"))
                .isEqualTo(MoodleFixtures.read("error.invalid_parameter_type.json"));
        moodle.stubFor(call("core_enrol_get_enrolled_users", Map.of()).willReturn(json("error.invalid_parameter_type.json")));

        MoodleError error = catchThrowableOfType(MoodleError.class, () -> client.enrolledUsers(2, 0, 10));

        assertThat(error.kind()).isEqualTo(MoodleError.Kind.INVALID_PARAMETER);
        assertThat(error.retryable()).isFalse();
    }

    @Test
    void aNonexistentRecordIsAMissingRecord() {
        moodle.stubFor(call("core_competency_read_competency_framework", Map.of("id", "99999"))
                .willReturn(json("error.nonexistent_record.json")));

        MoodleError error = catchThrowableOfType(MoodleError.class, () -> client.readCompetencyFramework(99999));

        assertThat(error.kind()).isEqualTo(MoodleError.Kind.MISSING_RECORD);
        assertThat(error.getMessage()).contains("competency_framework");
    }

    @Test
    void xmlFromAMissingFormatAndHtmlPagesAreNotJsonAndNotRetried() {
        moodle.stubFor(call("core_webservice_get_site_info", Map.of()).willReturn(aResponse().withStatus(200)
                .withBody(MoodleFixtures.read("error.invalid_token.default_format.xml"))));
        moodle.stubFor(call("core_course_get_courses", Map.of()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<!DOCTYPE html><html><body>Site maintenance</body></html>")));

        assertThat(catchThrowableOfType(MoodleError.class, () -> client.siteInfo()).kind()).isEqualTo(MoodleError.Kind.NOT_JSON);
        MoodleError html = catchThrowableOfType(MoodleError.class, () -> client.courses());
        assertThat(html.kind()).isEqualTo(MoodleError.Kind.NOT_JSON);
        assertThat(html.getMessage()).contains("HTML", "base URL", "maintenance mode");
        assertThat(client.httpCalls()).isEqualTo(2);
    }

    @Test
    void aBurstOf5xxIsRetriedWithBackoffUntilMoodleAnswers() {
        moodle.stubFor(call("core_badges_get_user_badges", Map.of()).inScenario("burst").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        moodle.stubFor(call("core_badges_get_user_badges", Map.of()).inScenario("burst").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("healthy"));
        moodle.stubFor(call("core_badges_get_user_badges", Map.of()).inScenario("burst").whenScenarioStateIs("healthy")
                .willReturn(json("core_badges_get_user_badges.json")));

        assertThat(client.userBadges(3).path("badges")).hasSize(2);
        assertThat(client.httpCalls()).isEqualTo(3);
    }

    @Test
    void aSiteThatKeepsFailingIsLeftAloneForAWhile() {
        moodle.stubFor(call("core_badges_get_user_badges", Map.of()).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 20; i++) {
            catchThrowableOfType(MoodleError.class, () -> client.userBadges(3));
        }
        long sent = moodle.getAllServeEvents().size();

        MoodleError paused = catchThrowableOfType(MoodleError.class, () -> client.userBadges(3));

        assertThat(paused.kind()).isEqualTo(MoodleError.Kind.UNAVAILABLE);
        assertThat(paused.getMessage()).contains("core_badges_get_user_badges", "failed too often recently");
        assertThat(moodle.getAllServeEvents()).hasSize((int) sent);
    }

    @Test
    void aRetryAfterFromTheSiteIsWaitedOut() {
        moodle.stubFor(call("core_course_get_courses", Map.of()).inScenario("limited").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("open"));
        moodle.stubFor(call("core_course_get_courses", Map.of()).inScenario("limited").whenScenarioStateIs("open")
                .willReturn(json("core_course_get_courses.json")));

        assertThat(client.courses()).hasSize(3);

        List<java.util.Date> sent = moodle.getAllServeEvents().stream().map(e -> e.getRequest().getLoggedDate())
                .sorted().toList();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getTime() - sent.get(0).getTime()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aResetConnectionIsRetriedAndReportedWhenItPersists() {
        moodle.stubFor(call("core_badges_get_user_badges", Map.of()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        MoodleError error = catchThrowableOfType(MoodleError.class, () -> client.userBadges(3));

        assertThat(error.kind()).isEqualTo(MoodleError.Kind.UNAVAILABLE);
        assertThat(error.getMessage()).contains("core_badges_get_user_badges", "did not answer").doesNotContain(TOKEN);
        assertThat(client.httpCalls()).isEqualTo(3);
    }

    @Test
    void aSiteSlowerThanTheTimeoutIsAnUnavailableError() {
        MoodleClient impatient = new MoodleClient(MoodleFixtures.site(moodle).withCalls(2, Duration.ofMillis(300), 2));
        moodle.stubFor(call("core_course_get_courses", Map.of()).willReturn(json("core_course_get_courses.json").withFixedDelay(1500)));

        assertThatThrownBy(impatient::courses).isInstanceOf(MoodleError.class)
                .satisfies(e -> assertThat(((MoodleError) e).kind()).isEqualTo(MoodleError.Kind.UNAVAILABLE));
        assertThat(impatient.httpCalls()).isEqualTo(2);
    }

    @Test
    void aSlowButWorkingSiteIsWaitedFor() {
        moodle.stubFor(call("core_course_get_courses", Map.of()).willReturn(json("core_course_get_courses.json").withFixedDelay(400)));

        assertThat(client.courses()).hasSize(3);
    }

    @Test
    void theProfileFieldIsWrittenWithItsShortnameAsType() {
        serve(moodle, "core_user_update_users", Map.of("users[0][id]", "5", "users[0][customfields][0][type]", "readiness",
                "users[0][customfields][0][value]", "ready"), "core_user_update_users.json");

        JsonNode answer = client.updateProfileField(5, "readiness", "ready");

        assertThat(MoodleClient.warnings(answer)).isEmpty();
    }

    @Test
    void theSiteCheckNamesTheFunctionsTheServiceLacks() {
        serve(moodle, "core_webservice_get_site_info", Map.of(), "core_webservice_get_site_info.json");

        MoodleSiteCheck.SiteReport report = new MoodleSiteCheck().check(client);

        assertThat(report.release()).isEqualTo("4.5.6 (Build: 20250811)");
        assertThat(report.webServiceUserId()).isEqualTo(9);
        assertThat(report.missingFunctions()).isEmpty();
    }

    @Test
    void theSiteCheckNamesTheFunctionsTheOptionalPartsNeedAndTheServiceLacks() {
        serve(moodle, "core_webservice_get_site_info", Map.of(), "core_webservice_get_site_info.json");
        MoodleClient withPlans = new MoodleClient(MoodleFixtures.site(moodle)
                .withOptions(new MoodleOptions(List.of(), true, true, false)));

        MoodleSiteCheck.SiteReport report = new MoodleSiteCheck().check(withPlans);

        // the recorded service holds none of the plan functions
        assertThat(report.missingFunctions()).containsExactly("core_competency_list_user_plans",
                "core_competency_list_plan_competencies", "core_competency_create_plan",
                "core_competency_add_competency_to_plan");
    }

    @Test
    void theTokenIsMaskedWhereverTheSiteIsShown() {
        assertThat(client.site().toString()).doesNotContain(TOKEN).contains("****0718");
    }
}
