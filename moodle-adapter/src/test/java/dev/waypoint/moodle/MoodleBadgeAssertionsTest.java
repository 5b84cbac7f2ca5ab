package dev.waypoint.moodle;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.waypoint.core.Sha256;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.evidence.NaturalKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.waypoint.moodle.MoodleFixtures.call;
import static dev.waypoint.moodle.MoodleFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * alice's two recorded badges checked against their Open Badges 2.0 hosted assertions: a valid one lets the
 * badge in; a revoked (HTTP 410), an expired and a mismatched one (another recipient, another badge class)
 * keep it out with a warning naming why, and a badge sent before whose assertion is now revoked is withdrawn.
 * The assertion bodies are built from Moodle's source (moodle-4.5-source).
 */
class MoodleBadgeAssertionsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final String SQL_CERTIFIED = "27e32fe6fb880430c893cf4071f91d0b689522e7";
    private static final String STORYTELLER = "20377730c067651935297e912318258ebf909420";

    private WireMockServer moodle;
    private MoodleClient client;
    private RecordingSink sink;
    private MoodleSyncState.InMemory state;
    private MoodleEvidenceSource source;

    @BeforeEach
    void start() {
        moodle = new WireMockServer(options().dynamicPort());
        moodle.start();
        client = new MoodleClient(MoodleFixtures.site(moodle).withCourseIds(List.of(2L)).withCalls(4, Duration.ofSeconds(2), 2)
                .withOptions(new MoodleOptions(List.of(), false, false, true)));
        sink = new RecordingSink();
        state = new MoodleSyncState.InMemory();
        source = new MoodleEvidenceSource(sink, state, null, Clock.fixed(NOW, ZoneOffset.UTC));
        MoodleFixtures.serve(moodle, "core_enrol_get_enrolled_users", Map.of("courseid", "2"), "core_enrol_get_enrolled_users.json");
        moodle.stubFor(call("core_enrol_get_users_courses", Map.of()).willReturn(body(200, "[]")));
        moodle.stubFor(call("core_badges_get_user_badges", Map.of()).atPriority(10).willReturn(body(200, "{\"badges\":[],\"warnings\":[]}")));
        moodle.stubFor(call("core_badges_get_user_badges", Map.of("userid", "3")).willReturn(json("core_badges_get_user_badges.json")));
        assertion(SQL_CERTIFIED, 200, valid(SQL_CERTIFIED, 1));
        assertion(STORYTELLER, 200, valid(STORYTELLER, 2));
    }

    @AfterEach
    void stop() {
        moodle.stop();
    }

    @Test
    void validAssertionsLetBothBadgesIn() {
        MoodleSyncReport report = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(sink.taken()).extracting(LearningSignal::objectRef).containsExactlyInAnyOrder("moodle:badge:1", "moodle:badge:2");
        assertThat(report.warnings()).isEmpty();
        assertThat(report.errors()).isEmpty();
        moodle.verify(getRequestedFor(urlPathEqualTo("/badges/assertion.php")).withQueryParam("b", equalTo(SQL_CERTIFIED))
                .withQueryParam("obversion", equalTo("2")));
    }

    @Test
    void aRevokedAssertionKeepsANewBadgeOut() {
        assertion(SQL_CERTIFIED, 410, MoodleFixtures.built("badges_assertion.revoked.json"));

        MoodleSyncReport report = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(sink.taken()).extracting(LearningSignal::objectRef).containsExactly("moodle:badge:2");
        assertThat(report.warnings()).singleElement().asString().contains(SQL_CERTIFIED, "revoked");
    }

    @Test
    void aBadgeSentBeforeWhoseAssertionIsNowRevokedIsWithdrawn() {
        state.save("t1", 3, new MoodleSyncState.PersonState(null, Set.of(), Set.of(SQL_CERTIFIED, STORYTELLER), Set.of()));
        assertion(SQL_CERTIFIED, 410, MoodleFixtures.built("badges_assertion.revoked.json"));

        source.sync("t1", client, SampleTaxonomy.get());

        List<LearningSignal> signals = sink.taken();
        assertThat(signals).singleElement().satisfies(withdrawal -> {
            assertThat(withdrawal.kind()).isEqualTo(EvidenceKind.REVOCATION);
            assertThat(withdrawal.revokes()).isEqualTo(NaturalKey.of("moodle", "badge:" + SQL_CERTIFIED));
        });
        assertThat(state.all("t1").get(3L).badgeHashes()).containsExactly(STORYTELLER);
    }

    @Test
    void anExpiredAssertionKeepsTheBadgeOut() {
        // Moodle's own record says nothing of expiry (dateexpire null); the assertion does
        assertion(SQL_CERTIFIED, 200, valid(SQL_CERTIFIED, 1).replace("\"issuedOn\"",
                "\"expires\": \"2026-11-30T00:00:00+00:00\",\n  \"issuedOn\""));

        MoodleSyncReport report = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(sink.taken()).extracting(LearningSignal::objectRef).containsExactly("moodle:badge:2");
        assertThat(report.warnings()).singleElement().asString().contains("expired on 2026-11-30");
    }

    @Test
    void anAssertionIssuedToSomeoneElseKeepsTheBadgeOut() {
        String forBob = valid(SQL_CERTIFIED, 1).replace(Sha256.hex("alice@example.com" + "badges1795429358"),
                Sha256.hex("bob@example.com" + "badges1795429358"));
        assertion(SQL_CERTIFIED, 200, forBob);

        MoodleSyncReport report = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(sink.taken()).extracting(LearningSignal::objectRef).containsExactly("moodle:badge:2");
        assertThat(report.warnings()).singleElement().asString().contains("issued to someone else than alice@example.com");
        // a doubt is not a verdict: the person is not marked done, and the badge may come in once it is cleared
        assertThat(state.all("t1").get(3L).badgeHashes()).containsExactly(STORYTELLER);
        assertThat(state.all("t1").get(3L).answerHash()).isNull();
    }

    @Test
    void anAssertionOfAnotherBadgeClassKeepsTheBadgeOut() {
        assertion(SQL_CERTIFIED, 200, valid(SQL_CERTIFIED, 1).replace("badge_json.php?id=1\"", "badge_json.php?id=2\""));

        MoodleSyncReport report = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(sink.taken()).extracting(LearningSignal::objectRef).containsExactly("moodle:badge:2");
        assertThat(report.warnings()).singleElement().asString().contains("names badge class", "not badge 1");
    }

    @Test
    void anAssertionThatCannotBeFetchedIsAnErrorAndTheBadgeIsLookedAtAgain() {
        assertion(SQL_CERTIFIED, 503, "");

        MoodleSyncReport report = source.sync("t1", client, SampleTaxonomy.get());

        assertThat(sink.taken()).extracting(LearningSignal::objectRef).containsExactly("moodle:badge:2");
        assertThat(report.errors()).singleElement().asString().contains("/badges/assertion.php", "HTTP 503");
        assertThat(state.all("t1").get(3L).answerHash()).isNull();
    }

    /** The built assertion of badge 1, made the assertion of the given issued badge and badge class. */
    private String valid(String uniquehash, int badgeId) {
        return MoodleFixtures.built("badges_assertion.json").replace(SQL_CERTIFIED, uniquehash)
                .replace("http://127.0.0.1:8700", "http://localhost:" + moodle.port())
                .replace("badge_json.php?id=1\"", "badge_json.php?id=" + badgeId + "\"");
    }

    private void assertion(String uniquehash, int status, String body) {
        moodle.stubFor(get(urlPathEqualTo("/badges/assertion.php")).withQueryParam("b", equalTo(uniquehash))
                .withQueryParam("obversion", equalTo("2")).willReturn(body(status, body)));
    }

    private static ResponseDefinitionBuilder body(int status, String json) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json);
    }
}
