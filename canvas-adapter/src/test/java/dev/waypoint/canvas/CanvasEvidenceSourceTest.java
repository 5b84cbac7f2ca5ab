package dev.waypoint.canvas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.waypoint.core.engine.IngestOutcome;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.EvidenceMapper;
import dev.waypoint.core.taxonomy.SkillGrant;
import dev.waypoint.core.taxonomy.Taxonomy;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.ingest.EvidenceSink;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.TaxonomyLoadResult;
import dev.waypoint.core.taxonomy.TaxonomyYamlLoader;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.waypoint.canvas.CanvasApiBodies.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A sync of the courses the taxonomy maps, against stubs of every Canvas endpoint it reads. */
class CanvasEvidenceSourceTest {

    private WireMockServer canvas;
    private final List<LearningSignal> received = new ArrayList<>();
    private CanvasEvidenceSource source;
    private ActiveTaxonomy taxonomy;
    private final CanvasWatermarks watermarks = CanvasWatermarks.inMemory();
    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

    @BeforeEach
    void start() throws Exception {
        canvas = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        canvas.start();
        CanvasStubs.courseWithRequirements(canvas, "205");
        CanvasStubs.courseWithoutRequirements(canvas, "210");
        taxonomy = new ActiveTaxonomy();
        TaxonomyLoadResult loaded = new TaxonomyYamlLoader().load("canvas-test.yaml",
                getClass().getResourceAsStream("/taxonomy/canvas-test.yaml"));
        assertThat(loaded.problems()).isEmpty();
        taxonomy.activate(loaded.taxonomy());
        EvidenceSink sink = signal -> {
            received.add(signal);
            return IngestOutcome.of(null, true, null, false);
        };
        CanvasClient client = new CanvasClient(new CanvasProperties(canvas.baseUrl(), 2, 1, 0, 10, 2,
                Duration.ofMillis(10), Duration.ofSeconds(5)), CanvasAccessToken.fixed("t"), new OkHttpClient(), new ObjectMapper());
        source = new CanvasEvidenceSource(client, new CanvasMapper(), sink, taxonomy, watermarks, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        canvas.stop();
    }

    @Test
    void turnsCompletedProgressIntoCourseCompletionsWithTheCourseScoreAndEveryIdentity() {
        CanvasSyncReport report = source.sync("default");

        LearningSignal ada = find("canvas:course:205", "101").orElseThrow();
        assertThat(ada.kind()).isEqualTo(EvidenceKind.COURSE_COMPLETION);
        assertThat(ada.occurredAt()).isEqualTo(Instant.parse("2026-05-02T08:55:00Z"));
        assertThat(ada.scoreScaled()).isEqualTo(0.925);
        assertThat(ada.identities()).containsExactly(IdentityRef.of(IdentityKind.CANVAS_USER_ID, "101"),
                IdentityRef.of(IdentityKind.CANVAS_SIS_USER_ID, "E-1001"), IdentityRef.of(IdentityKind.CANVAS_LOGIN, "ada@example.edu"));
        assertThat(ada.externalId()).isEqualTo("course:205:user:101:completed");
        assertThat(find("canvas:course:205", "103")).as("completed on the second page of enrollments").isPresent();
        assertThat(find("canvas:course:205", "102")).as("3 of 8 requirements is no completion").isEmpty();
        assertThat(report.courses()).isEqualTo(2);
        assertThat(report.students()).isEqualTo(4);
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void asksPerStudentWhereTheCourseHasNoModuleRequirements() {
        source.sync("default");

        assertThat(find("canvas:course:210", "101")).get()
                .extracting(LearningSignal::occurredAt).isEqualTo(Instant.parse("2026-05-10T12:00:00Z"));
        canvas.verify(getRequestedFor(urlPathEqualTo("/api/v1/courses/210/users/101/progress")));
    }

    @Test
    void sendsOnlyWhatTheTaxonomyMapsAndCountsTheRest() {
        watermarks.passSucceeded("default", "205", Instant.parse("2026-05-01T00:05:00Z"));

        CanvasSyncReport report = source.sync("default");

        LearningSignal graded = find("canvas:assignment:1104", "101").orElseThrow();
        assertThat(graded.kind()).isEqualTo(EvidenceKind.ASSESSMENT);
        assertThat(graded.scoreScaled()).isEqualTo(0.9);
        assertThat(received).noneMatch(s -> "canvas:assignment:9999".equals(s.objectRef()));
        assertThat(report.notMapped()).as("the quiz and outcome 78").isEqualTo(2);
        canvas.verify(getRequestedFor(urlPathEqualTo("/api/v1/courses/205/students/submissions"))
                .withQueryParam("graded_since", equalTo("2026-05-01T00:00:00Z"))
                .withQueryParam("student_ids[]", equalTo("all")));
    }

    @Test
    void takesOutcomeResultsThatReachTheOutcomesMasteryPointsOnEveryPage() {
        CanvasSyncReport report = source.sync("default");

        LearningSignal ada = find("canvas:outcome:77", "101", "outcome_result:").orElseThrow();
        assertThat(ada.kind()).isEqualTo(EvidenceKind.ASSESSMENT);
        assertThat(ada.scoreScaled()).as("4 of 5 points").isEqualTo(0.8);
        assertThat(ada.externalId()).isEqualTo("outcome_result:5501");
        assertThat(find("canvas:outcome:77", "103", "outcome_result:")).as("exactly the 3 mastery points, on page 2")
                .get().extracting(LearningSignal::scoreScaled).isEqualTo(0.6);
        assertThat(find("canvas:outcome:77", "102", "outcome_result:")).as("2.5 of 3 mastery points").isEmpty();
        assertThat(received).noneMatch(s -> "canvas:outcome:78".equals(s.objectRef()));
        assertThat(report.notMapped()).as("the unmapped quiz and outcome 78").isEqualTo(2);
        canvas.verify(getRequestedFor(urlPathEqualTo("/api/v1/courses/205/outcome_results"))
                .withQueryParam("include[]", equalTo("outcomes")).withQueryParam("page", equalTo("2")));
    }

    @Test
    void takesARollupAtMasteryOnceAsTheLearnersStandingOnTheOutcome() {
        source.sync("default");

        LearningSignal rollup = find("canvas:outcome:77", "101", "outcome_rollup:").orElseThrow();
        assertThat(rollup.scoreScaled()).isCloseTo(0.68, within(1e-9));
        assertThat(rollup.occurredAt()).isEqualTo(Instant.parse("2026-05-04T10:00:00Z"));
        assertThat(rollup.externalId()).isEqualTo("outcome_rollup:course:205:outcome:77:user:101:mastered");
        assertThat(find("canvas:outcome:77", "102", "outcome_rollup:")).as("below mastery").isEmpty();
        canvas.verify(getRequestedFor(urlPathEqualTo("/api/v1/courses/205/outcome_rollups"))
                .withQueryParam("include[]", equalTo("outcomes")));
    }

    @Test
    void theOutcomesMasteryDecidesThePassAndTheScoreTheLevelTheTaxonomyGrants() {
        source.sync("default");
        Taxonomy current = taxonomy.require();

        assertThat(grants(find("canvas:outcome:77", "101", "outcome_result:").orElseThrow(), current))
                .as("4 of 5 reaches the 0.8 rule").containsExactly(new SkillGrant("sql", 4));
        assertThat(grants(find("canvas:outcome:77", "103", "outcome_result:").orElseThrow(), current))
                .as("mastery only").containsExactly(new SkillGrant("sql", 3));
    }

    private static List<SkillGrant> grants(LearningSignal signal, Taxonomy taxonomy) {
        return ((EvidenceMapper.Mapping.Mapped) new EvidenceMapper().map(signal, taxonomy)).grants();
    }

    @Test
    void readsGradedSubmissionsSinceTheStartOfEachCoursesLastCompletePassLessTheOverlap() {
        source.sync("default");
        canvas.verify(getRequestedFor(urlPathEqualTo("/api/v1/courses/205/students/submissions"))
                .withoutQueryParam("graded_since"));
        assertThat(watermarks.lastPassStarted("default", "205")).contains(NOW);

        canvas.resetRequests();
        source.sync("default");

        canvas.verify(getRequestedFor(urlPathEqualTo("/api/v1/courses/205/students/submissions"))
                .withQueryParam("graded_since", equalTo("2026-06-01T01:55:00Z")));
    }

    @Test
    void aCourseThatFailsKeepsItsWatermarkSoNothingIsSkipped() {
        watermarks.passSucceeded("default", "205", Instant.parse("2026-05-20T00:00:00Z"));
        canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/205/students/submissions")).atPriority(1)
                .willReturn(aResponse().withStatus(404).withBody(body("not-found-404.json"))));

        source.sync("default");

        assertThat(watermarks.lastPassStarted("default", "205")).contains(Instant.parse("2026-05-20T00:00:00Z"));
        assertThat(watermarks.lastPassStarted("default", "210")).contains(NOW);
    }

    @Test
    void reportsACourseTheTokenMayNotReadAndStillSyncsTheOthers() {
        canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/205/enrollments")).atPriority(1)
                .willReturn(aResponse().withStatus(403).withBody(body("forbidden-403.json"))));

        CanvasSyncReport report = source.sync("default");

        assertThat(report.failures()).singleElement().asString().startsWith("course 205:");
        assertThat(find("canvas:course:210", "101")).isPresent();
        assertThat(report.stored()).isEqualTo(received.size());
    }

    private Optional<LearningSignal> find(String objectRef, String canvasUserId) {
        return find(objectRef, canvasUserId, "");
    }

    private Optional<LearningSignal> find(String objectRef, String canvasUserId, String externalIdPrefix) {
        return received.stream().filter(s -> objectRef.equals(s.objectRef()))
                .filter(s -> s.externalId().startsWith(externalIdPrefix))
                .filter(s -> s.identities().contains(IdentityRef.of(IdentityKind.CANVAS_USER_ID, canvasUserId)))
                .findFirst();
    }
}
