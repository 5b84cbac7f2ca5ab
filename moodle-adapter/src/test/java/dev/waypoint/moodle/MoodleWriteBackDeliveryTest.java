package dev.waypoint.moodle;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.waypoint.core.store.OutboxRepository.OutboxEntry;
import dev.waypoint.core.writeback.WriteBackFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.waypoint.moodle.MoodleFixtures.call;
import static dev.waypoint.moodle.MoodleFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Delivering outbox rows to Moodle: the calls made, and which failures are retried and which parked. */
class MoodleWriteBackDeliveryTest {

    private WireMockServer moodle;
    private MoodleWriteBack writeBack;

    @BeforeEach
    void start() {
        moodle = new WireMockServer(options().dynamicPort());
        moodle.start();
        MoodleClient client = new MoodleClient(MoodleFixtures.site(moodle).withCalls(2, Duration.ofSeconds(2), 2));
        writeBack = new MoodleWriteBack(tenant -> "t1".equals(tenant) ? Optional.of(client) : Optional.empty(),
                null, null, null, null);
        MoodleFixtures.serveFramework(moodle);
    }

    @AfterEach
    void stop() {
        moodle.stop();
    }

    @Test
    void theReadinessProfileFieldIsSentWithTheShortnameAsType() throws Exception {
        MoodleFixtures.serve(moodle, "core_user_update_users", Map.of(), "core_user_update_users.json");

        writeBack.deliver(entry("t1", "{\"type\":\"profile\",\"userid\":5,\"field\":\"readiness\",\"value\":\"Data Analyst 82 (ready)\"}"));

        moodle.verify(postRequestedFor(urlPathEqualTo("/webservice/rest/server.php"))
                .withFormParam("wsfunction", equalTo("core_user_update_users"))
                .withFormParam("users[0][id]", equalTo("5"))
                .withFormParam("users[0][customfields][0][type]", equalTo("readiness"))
                .withFormParam("users[0][customfields][0][value]", equalTo("Data Analyst 82 (ready)")));
    }

    @Test
    void aVerifiedSkillIsRatedWithTheProficientValueOfTheFrameworksScale() throws Exception {
        MoodleFixtures.serve(moodle, "core_competency_grade_competency", Map.of(), "core_competency_grade_competency.json");

        writeBack.deliver(entry("t1", competency("DA-VIZ")));
        writeBack.deliver(entry("t1", competency("DA-VIZ")));

        // scaleconfiguration "[{\"scaleid\":\"2\"},{\"id\":2,\"scaledefault\":1,\"proficient\":1}]" → 2
        moodle.verify(2, postRequestedFor(urlPathEqualTo("/webservice/rest/server.php"))
                .withFormParam("wsfunction", equalTo("core_competency_grade_competency"))
                .withFormParam("userid", equalTo("6")).withFormParam("competencyid", equalTo("2"))
                .withFormParam("grade", equalTo("2")));
        // the framework is read once, then kept
        moodle.verify(1, postRequestedFor(urlPathEqualTo("/webservice/rest/server.php"))
                .withFormParam("wsfunction", equalTo("core_competency_read_competency_framework")));
    }

    @Test
    void theScaleConfigurationIsReadFromItsJsonString() {
        assertThat(MoodleCompetencyScale.proficientGrade("[{\"scaleid\":\"2\"},{\"id\":2,\"scaledefault\":1,\"proficient\":1}]")).isEqualTo(2);
        assertThat(MoodleCompetencyScale.proficientGrade("[{\"scaleid\":\"3\"},{\"id\":3,\"scaledefault\":1,\"proficient\":1},"
                + "{\"id\":4,\"scaledefault\":0,\"proficient\":1}]")).isEqualTo(3);
    }

    @Test
    void aCompetencyMissingFromTheFrameworkIsParkedNotRetried() {
        WriteBackFailure failure = catchThrowableOfType(WriteBackFailure.class,
                () -> writeBack.deliver(entry("t1", competency("DA-NOPE"))));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("no competency with idnumber DA-NOPE");
    }

    @Test
    void anUnavailableSiteLeavesTheWriteToBeRetried() {
        moodle.stubFor(call("core_user_update_users", Map.of()).willReturn(aResponse().withStatus(503)));

        WriteBackFailure failure = catchThrowableOfType(WriteBackFailure.class, () -> writeBack.deliver(
                entry("t1", "{\"type\":\"profile\",\"userid\":5,\"field\":\"readiness\",\"value\":\"x\"}")));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("core_user_update_users", "HTTP 503").doesNotContain(MoodleFixtures.TOKEN);
    }

    @Test
    void aWrongTokenIsParkedForAnAdmin() {
        moodle.stubFor(call("core_user_update_users", Map.of()).willReturn(json("error.invalid_token.json")));

        WriteBackFailure failure = catchThrowableOfType(WriteBackFailure.class, () -> writeBack.deliver(
                entry("t1", "{\"type\":\"profile\",\"userid\":5,\"field\":\"readiness\",\"value\":\"x\"}")));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("web-service token");
    }

    @Test
    void aTenantWithoutASiteKeepsItsWritesPending() {
        WriteBackFailure failure = catchThrowableOfType(WriteBackFailure.class, () -> writeBack.deliver(
                entry("other", "{\"type\":\"profile\",\"userid\":5,\"field\":\"readiness\",\"value\":\"x\"}")));

        assertThat(failure.retryable()).isTrue();
    }

    private static String competency(String idnumber) {
        return "{\"type\":\"competency\",\"userid\":6,\"framework\":1,\"competency\":\"" + idnumber
                + "\",\"skill\":\"data-visualization\",\"level\":3}";
    }

    private static OutboxEntry entry(String tenant, String payload) {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        return new OutboxEntry(1, tenant, MoodleWriteBack.TARGET, "key", payload, "hash", "pending", 0, now, null, now, now);
    }
}
