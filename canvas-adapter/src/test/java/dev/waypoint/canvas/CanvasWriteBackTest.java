package dev.waypoint.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.pathing.LearningPath;
import dev.waypoint.core.pathing.PathStep;
import dev.waypoint.core.readiness.Band;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.store.OutboxRepository.OutboxEntry;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.TaxonomyYamlLoader;
import dev.waypoint.core.writeback.WriteBack.PlannedWrite;
import dev.waypoint.core.writeback.WriteBackFailure;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.waypoint.canvas.CanvasApiBodies.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Readiness into Canvas: AGS line item and score with an LTI token, custom_data, and the path module for one learner. */
class CanvasWriteBackTest {

    private static final String LINE_ITEMS = "/api/lti/courses/900/line_items";
    private static final String ITEMS = "/api/v1/courses/900/modules/4401/items";
    private static final Instant NOW = Instant.parse("2026-06-01T10:15:30.123Z");

    private WireMockServer canvas;
    private CanvasWriteBack writeBack;
    private String agsToken = "ags-token";
    private final Person person = new Person("p-1", "default", "Ada", "analytics.analyst", List.of(), 4, NOW);
    private LearningPath path = path(
            step(1, PathStep.StepType.ASSET, "advanced-sql", "Advanced SQL", "2026-06-01", "2026-06-22"),
            step(2, PathStep.StepType.ASSET, "code-review-workshop", "Code Review Workshop", "2026-06-22", "2026-06-29"),
            step(3, PathStep.StepType.MILESTONE, "sql-project", "Ship a reporting project", "2026-06-29", "2026-08-10"));
    private List<IdentityRef> identities = List.of(IdentityRef.of(IdentityKind.LTI_SUB, "https://canvas.instructure.com#f3a1-lti-sub"),
            IdentityRef.of(IdentityKind.CANVAS_USER_ID, "101"));

    @BeforeEach
    void start() throws Exception {
        canvas = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        canvas.start();
        ActiveTaxonomy taxonomy = new ActiveTaxonomy();
        taxonomy.activate(new TaxonomyYamlLoader().load("canvas-test.yaml",
                getClass().getResourceAsStream("/taxonomy/canvas-test.yaml")).taxonomy());
        CanvasClient client = new CanvasClient(new CanvasProperties(canvas.baseUrl(), 10, 1, 0, 10, 2,
                Duration.ofMillis(10), Duration.ofSeconds(5)), CanvasAccessToken.fixed("rest-token"), new OkHttpClient(), new ObjectMapper());
        CanvasAgsTokens tokens = (tenant, scopes) -> {
            if (agsToken == null) {
                throw new CanvasAgsTokens.Unavailable("no LTI service token yet");
            }
            return agsToken;
        };
        Map<String, CanvasWriteBackTarget> targets = Map.of("default", new CanvasWriteBackTarget(client, "900", true));
        writeBack = new CanvasWriteBack(tenant -> Optional.ofNullable(targets.get(tenant)),
                personId -> identities, taxonomy, (p, r) -> {
                    if (path == null) {
                        throw new IllegalStateException("no asset teaches what is missing");
                    }
                    return path;
                }, tokens, new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC));
        stubCanvas();
    }

    @AfterEach
    void stop() {
        canvas.stop();
    }

    private void stubCanvas() {
        canvas.stubFor(get(urlPathEqualTo(LINE_ITEMS)).willReturn(okJson(body("ags-line-items-empty.json"))
                .withHeader("Content-Type", CanvasWriteBack.LINE_ITEMS)));
        canvas.stubFor(post(urlPathEqualTo(LINE_ITEMS)).willReturn(okJson(body("ags-line-item-created.json")
                .replace("{base}", canvas.baseUrl())).withHeader("Content-Type", CanvasWriteBack.LINE_ITEM)));
        canvas.stubFor(post(urlPathEqualTo(LINE_ITEMS + "/31/scores")).willReturn(okJson(body("ags-score-result.json"))));
        canvas.stubFor(put(urlPathEqualTo("/api/v1/users/101/custom_data/readiness/analytics.senior")).willReturn(okJson("{\"data\":{}}")));
        canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/900/modules")).willReturn(okJson("[]")));
        canvas.stubFor(post(urlPathEqualTo("/api/v1/courses/900/modules")).willReturn(okJson(body("module-created.json"))));
        canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/900/modules/4401/items")).willReturn(okJson("[]")));
        canvas.stubFor(post(urlPathEqualTo("/api/v1/courses/900/modules/4401/items")).willReturn(okJson("{\"id\":1}")));
        canvas.stubFor(put(urlPathEqualTo("/api/v1/courses/900/modules/4401/assignment_overrides")).willReturn(aResponse().withStatus(204)));
    }

    private static PathStep step(int order, PathStep.StepType type, String refId, String name, String from, String to) {
        return new PathStep(order, type, refId, name, type == PathStep.StepType.MILESTONE ? "project" : "course_completion",
                12, LocalDate.parse(from), LocalDate.parse(to), List.of(), false);
    }

    private static LearningPath path(PathStep... steps) {
        return new LearningPath("p-1", "analytics.senior", null, LocalDate.parse("2026-06-01"), 4, List.of(steps), 36, List.of());
    }

    private Readiness readiness() {
        return new Readiness("p-1", "analytics.senior", 42, 42, Band.DEVELOPING, List.of(), List.of(
                new Readiness.SkillScore("sql", 4, 3, true, 0.3, 0.5, List.of()),
                new Readiness.SkillScore("etl", 3, 2, false, 0.9, 1, List.of()),
                new Readiness.SkillScore("code-review", 3, 1, false, 0.0, 0, List.of())), NOW, "canvas-test-1");
    }

    private OutboxEntry planned() {
        PlannedWrite write = writeBack.plan(person, readiness()).get(0);
        return new OutboxEntry(1, write.tenantId(), CanvasWriteBack.TARGET, write.writeKey(), write.payload(), "h",
                "pending", 0, NOW, null, NOW, NOW);
    }

    @Test
    void plansOneWritePerLearnerAndRoleWithTheWholeDatedPath() throws Exception {
        List<PlannedWrite> writes = writeBack.plan(person, readiness());

        assertThat(writes).singleElement().satisfies(w -> assertThat(w.writeKey()).isEqualTo("p-1/analytics.senior"));
        JsonNode steps = new ObjectMapper().readTree(writes.get(0).payload()).path("steps");
        assertThat(steps.findValuesAsText("refId")).containsExactly("advanced-sql", "code-review-workshop", "sql-project");
        assertThat(steps.findValuesAsText("type")).containsExactly("asset", "asset", "milestone");
        assertThat(steps.get(0).path("canvasCourseId").asText()).isEqualTo("205");
        assertThat(steps.get(1).has("canvasCourseId")).as("taught outside Canvas").isFalse();
        assertThat(steps.get(2).path("dueOn").asText()).isEqualTo("2026-08-10");
    }

    @Test
    void plansNothingForALearnerCanvasDoesNotKnow() {
        identities = List.of(IdentityRef.of(IdentityKind.EMAIL, "ada@example.edu"));

        assertThat(writeBack.plan(person, readiness())).isEmpty();
        assertThat(writeBack.plan(new Person("p-2", "other", "X", null, List.of(), 4, NOW), readiness())).isEmpty();
    }

    @Test
    void createsTheLineItemAndPostsAFullyGradedScoreWithThePathInTheComment() throws Exception {
        writeBack.deliver(planned());

        canvas.verify(postRequestedFor(urlPathEqualTo(LINE_ITEMS))
                .withHeader("Authorization", equalTo("Bearer ags-token"))
                .withHeader("Content-Type", containing(CanvasWriteBack.LINE_ITEM))
                .withRequestBody(matchingJsonPath("$.label", equalTo("Readiness: Senior")))
                .withRequestBody(matchingJsonPath("$.scoreMaximum", equalTo("100")))
                .withRequestBody(matchingJsonPath("$.resourceId", equalTo("waypoint:readiness:analytics.senior"))));
        canvas.verify(postRequestedFor(urlPathEqualTo(LINE_ITEMS + "/31/scores"))
                .withHeader("Authorization", equalTo("Bearer ags-token"))
                .withHeader("Content-Type", containing(CanvasWriteBack.SCORE))
                .withRequestBody(equalToJson("""
                        {"userId":"f3a1-lti-sub","scoreGiven":42,"scoreMaximum":100,
                         "timestamp":"2026-06-01T10:15:30.123Z","activityProgress":"Completed","gradingProgress":"FullyGraded",
                         "comment":"Readiness for Senior: 42/100 (developing). Your path: 1. Advanced SQL (by 2026-06-22), 2. Code Review Workshop (by 2026-06-29), 3. Ship a reporting project (by 2026-08-10)."}
                        """)));
    }

    @Test
    void reusesTheLineItemThatIsAlreadyThere() throws Exception {
        canvas.stubFor(get(urlPathEqualTo(LINE_ITEMS)).willReturn(okJson("[" + body("ags-line-item-created.json")
                .replace("{base}", canvas.baseUrl()) + "]")));

        writeBack.deliver(planned());

        canvas.verify(0, postRequestedFor(urlPathEqualTo(LINE_ITEMS)));
        canvas.verify(postRequestedFor(urlPathEqualTo(LINE_ITEMS + "/31/scores")));
    }

    @Test
    void writesTheWholePathAsAModuleOnlyThatLearnerSeesAndTheStateAsCustomData() throws Exception {
        writeBack.deliver(planned());

        canvas.verify(postRequestedFor(urlPathEqualTo("/api/v1/courses/900/modules"))
                .withHeader("Authorization", equalTo("Bearer rest-token"))
                .withRequestBody(matchingJsonPath("$.module.name", equalTo("Your path to Senior (101)"))));
        canvas.verify(3, postRequestedFor(urlPathEqualTo(ITEMS)));
        canvas.verify(postRequestedFor(urlPathEqualTo(ITEMS)).withRequestBody(equalToJson("""
                {"module_item":{"title":"Advanced SQL (2026-06-01 to 2026-06-22)","position":1,"type":"ExternalUrl",
                 "external_url":"%s/courses/205","new_tab":false}}""".formatted(canvas.baseUrl()))));
        canvas.verify(postRequestedFor(urlPathEqualTo(ITEMS)).withRequestBody(equalToJson("""
                {"module_item":{"title":"Code Review Workshop (2026-06-22 to 2026-06-29)","position":2,"type":"SubHeader"}}""")));
        canvas.verify(postRequestedFor(urlPathEqualTo(ITEMS)).withRequestBody(equalToJson("""
                {"module_item":{"title":"Milestone: Ship a reporting project (due 2026-08-10)","position":3,"type":"SubHeader"}}""")));
        canvas.verify(putRequestedFor(urlPathEqualTo("/api/v1/courses/900/modules/4401/assignment_overrides"))
                .withRequestBody(equalToJson("{\"overrides\":[{\"student_ids\":[101]}]}")));
        canvas.verify(putRequestedFor(urlPathEqualTo("/api/v1/users/101/custom_data/readiness/analytics.senior"))
                .withQueryParam("ns", equalTo("dev.waypoint"))
                .withRequestBody(matchingJsonPath("$.data.score", equalTo("42")))
                .withRequestBody(matchingJsonPath("$.data.steps[2].dueOn", equalTo("2026-08-10"))));
    }

    @Test
    void theSamePathWrittenAgainChangesNothingInTheModule() throws Exception {
        moduleAlreadyThere();

        writeBack.deliver(planned());

        canvas.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/courses/900/modules")));
        canvas.verify(0, postRequestedFor(urlPathMatching(ITEMS + ".*")));
        canvas.verify(0, putRequestedFor(urlPathMatching(ITEMS + ".*")));
        canvas.verify(0, deleteRequestedFor(urlPathMatching(ITEMS + ".*")));
        canvas.verify(putRequestedFor(urlPathEqualTo("/api/v1/courses/900/modules/4401/assignment_overrides")));
    }

    @Test
    void aChangedPathIsUpdatedInPlaceWithoutASecondModuleOrStaleItems() throws Exception {
        moduleAlreadyThere();
        // the workshop was done: the course moves up a week and the milestone comes second
        path = path(step(1, PathStep.StepType.ASSET, "advanced-sql", "Advanced SQL", "2026-06-01", "2026-06-15"),
                step(2, PathStep.StepType.MILESTONE, "sql-project", "Ship a reporting project", "2026-06-15", "2026-07-27"));

        writeBack.deliver(planned());

        canvas.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/courses/900/modules")));
        canvas.verify(putRequestedFor(urlPathEqualTo(ITEMS + "/71")).withRequestBody(equalToJson("""
                {"module_item":{"title":"Advanced SQL (2026-06-01 to 2026-06-15)","position":1,
                 "external_url":"%s/courses/205"}}""".formatted(canvas.baseUrl()))));
        canvas.verify(putRequestedFor(urlPathEqualTo(ITEMS + "/72")).withRequestBody(equalToJson("""
                {"module_item":{"title":"Milestone: Ship a reporting project (due 2026-07-27)","position":2}}""")));
        canvas.verify(deleteRequestedFor(urlPathEqualTo(ITEMS + "/73")));
        canvas.verify(0, postRequestedFor(urlPathMatching(ITEMS + ".*")));
    }

    @Test
    void withoutAPlannablePathTheScoreIsWrittenAndTheModuleLeftAsItWas() throws Exception {
        moduleAlreadyThere();
        path = null;

        writeBack.deliver(planned());

        canvas.verify(postRequestedFor(urlPathEqualTo(LINE_ITEMS + "/31/scores"))
                .withRequestBody(matchingJsonPath("$.comment", equalTo("Readiness for Senior: 42/100 (developing)."))));
        canvas.verify(0, anyRequestedFor(urlPathMatching("/api/v1/courses/900/modules.*")));
    }

    /** The learner's module as the first write left it: three items, the second one Canvas-less. */
    private void moduleAlreadyThere() {
        canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/900/modules")).willReturn(okJson(body("modules-path.json"))));
        canvas.stubFor(get(urlPathEqualTo(ITEMS)).willReturn(okJson(body("module-items-path.json")
                .replace("{base}", canvas.baseUrl()))));
        canvas.stubFor(put(urlPathMatching(ITEMS + "/\\d+")).willReturn(okJson("{\"id\":71}")));
        canvas.stubFor(delete(urlPathMatching(ITEMS + "/\\d+")).willReturn(okJson("{\"id\":73}")));
    }

    @Test
    void withoutAnAgsTokenTheWriteStaysInTheOutboxAndNothingIsSent() {
        agsToken = null;

        assertThatThrownBy(() -> writeBack.deliver(planned())).isInstanceOfSatisfying(WriteBackFailure.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("no LTI service token");
        });
        canvas.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRefusedScoreIsParkedAndAnOutageRetried() {
        canvas.stubFor(post(urlPathEqualTo(LINE_ITEMS + "/31/scores")).willReturn(aResponse().withStatus(422)
                .withBody(body("unprocessable-422.json"))));
        assertThatThrownBy(() -> writeBack.deliver(planned()))
                .isInstanceOfSatisfying(WriteBackFailure.class, e -> assertThat(e.retryable()).isFalse());

        canvas.stubFor(post(urlPathEqualTo(LINE_ITEMS + "/31/scores")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> writeBack.deliver(planned()))
                .isInstanceOfSatisfying(WriteBackFailure.class, e -> assertThat(e.retryable()).isTrue());
    }
}
