package dev.waypoint.benchmarks.canvas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.waypoint.canvas.CanvasAccessToken;
import dev.waypoint.canvas.CanvasClient;
import dev.waypoint.canvas.CanvasEvidenceSource;
import dev.waypoint.canvas.CanvasMapper;
import dev.waypoint.canvas.CanvasProperties;
import dev.waypoint.canvas.CanvasSyncReport;
import dev.waypoint.canvas.CanvasWatermarks;
import dev.waypoint.canvas.LeakyBucketCanvas;
import dev.waypoint.core.engine.IngestOutcome;
import dev.waypoint.core.ingest.EvidenceSink;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.TaxonomyLoadResult;
import dev.waypoint.core.taxonomy.TaxonomyYamlLoader;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load harness (not a unit test; run on demand, see BENCHMARKS.md): a full Canvas sync of 10,000 people
 * in 200 courses (100 students a course, every person in two courses, enrollments on two pages of 50)
 * against a WireMock Canvas on loopback that enforces a leaky bucket. Four courses have no module
 * requirements, so their progress is read per student. Prints wall time, calls, calls per person and
 * rate-limit refusals.
 */
class CanvasSyncLoad {

    static final int PEOPLE = 10_000;
    static final int COURSES = 200;
    static final int PER_COURSE = 100;
    static final int WITHOUT_REQUIREMENTS = 4;
    // the bucket: 700 units like Canvas, each call costing 5, drained at 100 a second (20 calls a second);
    // -Dcanvas.load.leak=… changes the drain rate
    static final double CAPACITY = 700;
    static final double LEAK = Double.parseDouble(System.getProperty("canvas.load.leak", "100"));
    static final double COST = 5;
    // -Dcanvas.load.outcomes=true maps an outcome too: every course then also answers outcome results
    // (none) and a page of 100 outcome rollups, half of them at mastery
    static final boolean OUTCOMES = Boolean.getBoolean("canvas.load.outcomes");

    @Test
    void fullSync() throws Exception {
        LeakyBucketCanvas bucket = new LeakyBucketCanvas(CAPACITY, LEAK, COST);
        WireMockServer canvas = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(8).extensions(bucket));
        canvas.start();
        try {
            StringBuilder yaml = new StringBuilder("""
                    version: load-1
                    skills:
                      - {id: sql, name: SQL, family: data}
                    career_tracks:
                      - id: analytics
                        name: Analytics
                        levels: [analyst]
                    learning_assets:
                    """);
            for (int c = 1; c <= COURSES; c++) {
                stubCourse(canvas, c);
                yaml.append("  - {id: course-").append(c).append(", name: Course ").append(c)
                        .append(", type: course, lms_refs: [\"canvas:course:").append(c)
                        .append("\"], teaches: [{skill: sql, level: 2}], hours: 4}\n");
            }
            canvas.stubFor(get(urlPathMatching("/api/v1/courses/\\d+/students/submissions")).willReturn(okJson("[]")));
            if (OUTCOMES) {
                yaml.append("""
                        evidence_rules:
                          - {id: outcome-1, kind: assessment, object: "canvas:outcome:1", grants: [{skill: sql, level: 3}]}
                        """);
                canvas.stubFor(get(urlPathMatching("/api/v1/courses/\\d+/outcome_results"))
                        .willReturn(okJson("{\"outcome_results\":[],\"linked\":{\"outcomes\":[]}}")));
            }
            TaxonomyLoadResult loaded = new TaxonomyYamlLoader().load("load.yaml", yaml.toString());
            assertThat(loaded.problems()).isEmpty();
            ActiveTaxonomy taxonomy = new ActiveTaxonomy();
            taxonomy.activate(loaded.taxonomy());

            AtomicInteger accepted = new AtomicInteger();
            Set<String> people = java.util.concurrent.ConcurrentHashMap.newKeySet();
            EvidenceSink sink = signal -> {
                accepted.incrementAndGet();
                people.add(signal.identities().get(0).value());
                return IngestOutcome.of(null, true, null, false);
            };
            CanvasClient client = new CanvasClient(new CanvasProperties(canvas.baseUrl(), 50, 2, 150, LEAK,
                    5, Duration.ofMillis(500), Duration.ofSeconds(30)), CanvasAccessToken.fixed("load"), new OkHttpClient(), new ObjectMapper());
            CanvasEvidenceSource source = new CanvasEvidenceSource(client, new CanvasMapper(), sink, taxonomy,
                    CanvasWatermarks.inMemory(), Clock.systemUTC());

            CanvasSyncReport report = source.sync("default");

            System.out.printf("""
                    Canvas full sync: %d people, %d courses (%d without requirements), bucket %.0f units, cost %.0f, leak %.0f/s
                      wall time          %s
                      calls              %d  (%.3f per person)
                      signals accepted   %d  (people with a completion: %d)
                      rate-limit 403s    %d  (bucket refusals seen by the stub: %d)
                      paused for bucket  %s
                      failures           %s
                    """, PEOPLE, COURSES, WITHOUT_REQUIREMENTS, CAPACITY, COST, LEAK, report.wallTime(), report.calls(),
                    report.calls() / (double) PEOPLE, accepted.get(), people.size(), report.rateLimitRefusals(),
                    bucket.refused(), client.callCount().pausedForBucket(), report.failures());
            assertThat(report.failures()).isEmpty();
            assertThat(report.students()).isEqualTo(COURSES * PER_COURSE);
        } finally {
            canvas.stop();
        }
    }

    /** Course c has students (c·50 + i) mod 10,000 for i < 100, so every person is in exactly two courses. */
    private static void stubCourse(WireMockServer canvas, int course) {
        ObjectMapper json = new ObjectMapper();
        ArrayNode page1 = json.createArrayNode();
        ArrayNode page2 = json.createArrayNode();
        ArrayNode progress = json.createArrayNode();
        for (int i = 0; i < PER_COURSE; i++) {
            int user = 1 + (course * 50 + i) % PEOPLE;
            ObjectNode enrollment = (i < 50 ? page1 : page2).addObject().put("id", course * 1000 + i).put("course_id", course)
                    .put("user_id", user).put("type", "StudentEnrollment").put("enrollment_state", "active");
            enrollment.putObject("grades").put("current_score", 50 + i % 50).put("final_score", 40 + i % 50);
            enrollment.putObject("user").put("id", user).put("name", "Learner " + user)
                    .put("sis_user_id", "E-" + user).put("login_id", "learner" + user + "@example.edu");
            ObjectNode row = progress.addObject().put("id", user).put("display_name", "Learner " + user);
            row.putObject("progress").put("requirement_count", 6).put("requirement_completed_count", i % 2 == 0 ? 6 : 3)
                    .put("completed_at", i % 2 == 0 ? "2026-05-0" + (1 + i % 9) + "T10:00:00Z" : null);
            if (course <= WITHOUT_REQUIREMENTS) {
                canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/" + course + "/users/" + user + "/progress"))
                        .willReturn(okJson(row.get("progress").toString())));
            }
        }
        String enrollments = "/api/v1/courses/" + course + "/enrollments";
        canvas.stubFor(get(urlPathEqualTo(enrollments)).withQueryParam("page", equalTo("2")).atPriority(1)
                .willReturn(okJson(page2.toString())));
        canvas.stubFor(get(urlPathEqualTo(enrollments)).atPriority(2).willReturn(okJson(page1.toString())
                .withHeader("Link", "<" + canvas.baseUrl() + enrollments + "?page=2&per_page=50>; rel=\"next\"")));
        if (OUTCOMES) {
            canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/" + course + "/outcome_rollups")).willReturn(okJson(rollups(course))));
        }
        if (course <= WITHOUT_REQUIREMENTS) {
            canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/" + course + "/bulk_user_progress"))
                    .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"no progress available because this course is not module based\"}")));
        } else {
            canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/" + course + "/bulk_user_progress")).willReturn(okJson(progress.toString())));
        }
    }

    /** Outcome 1 (mastery 3 of 5) rolled up for every student of the course: 4 points for half, 2 for the rest. */
    private static String rollups(int course) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        ArrayNode rollups = body.putArray("rollups");
        for (int i = 0; i < PER_COURSE; i++) {
            int user = 1 + (course * 50 + i) % PEOPLE;
            ObjectNode rollup = rollups.addObject().put("name", "Learner " + user);
            rollup.putObject("links").put("user", String.valueOf(user)).put("section", String.valueOf(course));
            rollup.putArray("scores").addObject().put("score", i % 2 == 0 ? 4.0 : 2.0).put("count", 1)
                    .put("submitted_at", "2026-05-03T09:30:00Z").putObject("links").put("outcome", "1");
        }
        body.putObject("linked").putArray("outcomes").addObject().put("id", 1).put("title", "Writes SQL")
                .put("points_possible", 5.0).put("mastery_points", 3.0);
        return body.toString();
    }
}
