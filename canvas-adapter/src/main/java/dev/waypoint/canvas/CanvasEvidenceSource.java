package dev.waypoint.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waypoint.core.engine.IngestOutcome;
import dev.waypoint.core.evidence.EvidenceMapper;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.ingest.EvidenceSink;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.EvidenceRule;
import dev.waypoint.core.taxonomy.LearningAsset;
import dev.waypoint.core.taxonomy.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Pulls evidence from Canvas for every course the active taxonomy maps: students and grades
 * (Enrollments API), completion (Courses API {@code bulk_user_progress}; per user
 * {@code /users/:id/progress} when Canvas refuses the bulk call because the course has no module
 * requirements), submissions graded since the last run (Submissions API) and outcome results and
 * rollups that reach the outcome's mastery (Outcome Results API) — the last two only where the taxonomy
 * maps an assignment or an outcome.
 * Only signals the taxonomy maps go to the evidence sink; the rest are counted in the report.
 */
public final class CanvasEvidenceSource {

    private static final Logger log = LoggerFactory.getLogger(CanvasEvidenceSource.class);

    private final CanvasClient client;
    private final CanvasMapper mapper;
    private final EvidenceSink sink;
    private final ActiveTaxonomy taxonomy;
    private final CanvasWatermarks watermarks;
    private final Clock clock;
    private final EvidenceMapper evidenceMapper = new EvidenceMapper();

    public CanvasEvidenceSource(CanvasClient client, CanvasMapper mapper, EvidenceSink sink, ActiveTaxonomy taxonomy,
                                CanvasWatermarks watermarks, Clock clock) {
        this.client = client;
        this.mapper = mapper;
        this.sink = sink;
        this.taxonomy = taxonomy;
        this.watermarks = watermarks;
        this.clock = clock;
    }

    /** A pass over every course the taxonomy maps. */
    public CanvasSyncReport sync(String tenantId) {
        return sync(tenantId, List.of(), () -> { });
    }

    /**
     * A pass over {@code courseIds} (empty: every course the taxonomy maps); graded submissions since
     * each course's watermark. {@code betweenCourses} runs after each course, on this thread (a cluster
     * lock is renewed there).
     */
    public CanvasSyncReport sync(String tenantId, List<String> courseIds, Runnable betweenCourses) {
        Taxonomy current = taxonomy.require();
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        CanvasClient.CallCount before = client.callCount();
        Tally tally = new Tally();
        List<String> courses = courseIds.isEmpty() ? refIds(current, "canvas:course:") : courseIds;
        boolean assignmentsMapped = !refIds(current, "canvas:assignment:").isEmpty();
        boolean outcomesMapped = !refIds(current, "canvas:outcome:").isEmpty();
        for (String courseId : courses) {
            try {
                Instant passStarted = clock.instant();
                syncCourse(tenantId, courseId, current, watermarks.gradedSince(tenantId, courseId), assignmentsMapped,
                        outcomesMapped, tally);
                if (assignmentsMapped) {
                    // only a pass that read the graded submissions moves the watermark; otherwise an assignment
                    // mapped later would start after grades that were never read
                    watermarks.passSucceeded(tenantId, courseId, passStarted);
                }
            } catch (CanvasException e) {
                // one unreadable course must not stop the others; the report names it
                tally.failures.add("course " + courseId + ": " + e.getMessage());
                log.warn("Canvas sync of course {} for tenant {} failed: {}", courseId, tenantId, e.getMessage());
            }
            betweenCourses.run();
        }
        CanvasClient.CallCount after = client.callCount();
        log.info("Canvas sync for tenant {} started {}: {} courses, {} students, {} stored, {} not mapped",
                tenantId, started, courses.size(), tally.students, tally.stored, tally.notMapped);
        return new CanvasSyncReport(tenantId, courses.size(), tally.students, tally.stored, tally.alreadyKnown,
                tally.notMapped, tally.deadLettered, after.calls() - before.calls(),
                after.rateLimitRefusals() - before.rateLimitRefusals(),
                Duration.ofNanos(System.nanoTime() - startNanos), tally.failures);
    }

    private void syncCourse(String tenantId, String courseId, Taxonomy current, Instant gradedSince,
                            boolean assignmentsMapped, boolean outcomesMapped, Tally tally) {
        Map<String, JsonNode> enrollments = new LinkedHashMap<>();
        for (JsonNode enrollment : client.list("/api/v1/courses/" + courseId
                + "/enrollments?type[]=StudentEnrollment&state[]=active&state[]=completed")) {
            String userId = CanvasMapper.text(enrollment, "user_id");
            if (userId != null) {
                enrollments.putIfAbsent(userId, enrollment);
            }
        }
        tally.students += enrollments.size();
        Map<String, JsonNode> progress = progress(courseId, enrollments.keySet());
        for (Map.Entry<String, JsonNode> entry : enrollments.entrySet()) {
            JsonNode enrollment = entry.getValue();
            JsonNode userProgress = progress.get(entry.getKey());
            Instant completedAt = userProgress == null ? null : CanvasMapper.instant(CanvasMapper.text(userProgress, "completed_at"));
            if (completedAt == null) {
                continue;
            }
            JsonNode grades = enrollment.path("grades");
            Double score = grades.path("current_score").isNumber() ? grades.get("current_score").asDouble() : null;
            put(current, mapper.courseCompletion(tenantId, courseId, entry.getKey(), identities(enrollment),
                    CanvasMapper.text(enrollment.path("user"), "name"), completedAt, score, userProgress.toString()), tally);
        }
        if (assignmentsMapped) {
            String since = gradedSince == null ? "" : "&graded_since=" + URLEncoder.encode(gradedSince.toString(), StandardCharsets.UTF_8);
            for (JsonNode submission : client.list("/api/v1/courses/" + courseId
                    + "/students/submissions?student_ids[]=all&include[]=assignment&workflow_state=graded" + since)) {
                JsonNode enrollment = enrollments.get(CanvasMapper.text(submission, "user_id"));
                if (enrollment != null) {
                    mapper.gradedSubmission(tenantId, submission, identities(enrollment)).ifPresent(s -> put(current, s, tally));
                }
            }
        }
        if (outcomesMapped) {
            outcomes(tenantId, courseId, current, enrollments, tally);
        }
    }

    /**
     * Outcome results and rollups of one course, each page with the outcomes it links
     * ({@code include[]=outcomes}), whose mastery points decide which scores are evidence.
     */
    private void outcomes(String tenantId, String courseId, Taxonomy current, Map<String, JsonNode> enrollments, Tally tally) {
        String course = "/api/v1/courses/" + courseId;
        Map<String, CanvasOutcome> outcomes = new HashMap<>();
        for (JsonNode page : client.pages(course + "/outcome_results?include[]=outcomes")) {
            CanvasOutcome.collectLinked(page, outcomes);
            for (JsonNode result : page.path("outcome_results")) {
                JsonNode enrollment = enrollments.get(CanvasMapper.text(result.path("links"), "user"));
                if (enrollment != null) {
                    CanvasOutcome outcome = outcomes.get(CanvasMapper.text(result.path("links"), "learning_outcome"));
                    mapper.outcomeResult(tenantId, result, outcome, identities(enrollment)).ifPresent(s -> put(current, s, tally));
                }
            }
        }
        Instant seenAt = clock.instant();
        for (JsonNode page : client.pages(course + "/outcome_rollups?include[]=outcomes")) {
            CanvasOutcome.collectLinked(page, outcomes);
            for (JsonNode rollup : page.path("rollups")) {
                String userId = CanvasMapper.text(rollup.path("links"), "user");
                JsonNode enrollment = enrollments.get(userId);
                if (enrollment == null) {
                    continue;
                }
                for (JsonNode score : rollup.path("scores")) {
                    CanvasOutcome outcome = outcomes.get(CanvasMapper.text(score.path("links"), "outcome"));
                    mapper.outcomeRollup(tenantId, courseId, userId, score, outcome, identities(enrollment), seenAt)
                            .ifPresent(s -> put(current, s, tally));
                }
            }
        }
    }

    /** Progress per user id: one bulk call, or one call per student where the course has no requirements. */
    private Map<String, JsonNode> progress(String courseId, Iterable<String> userIds) {
        Map<String, JsonNode> byUser = new LinkedHashMap<>();
        try {
            for (JsonNode row : client.list("/api/v1/courses/" + courseId + "/bulk_user_progress")) {
                String id = CanvasMapper.text(row, "id");
                if (id != null && row.has("progress")) {
                    byUser.put(id, row.get("progress"));
                }
            }
            return byUser;
        } catch (CanvasException.Rejected | CanvasException.NotFound e) {
            log.debug("bulk progress refused for course {} ({}); asking per student", courseId, e.getMessage());
        }
        for (String userId : userIds) {
            try {
                byUser.put(userId, client.get("/api/v1/courses/" + courseId + "/users/" + userId + "/progress"));
            } catch (CanvasException.Rejected | CanvasException.NotFound e) {
                // a course without module requirements has no completion to read for this student
            }
        }
        return byUser;
    }

    private List<IdentityRef> identities(JsonNode enrollment) {
        return mapper.identities(CanvasMapper.text(enrollment, "user_id"), enrollment.path("user"));
    }

    private void put(Taxonomy current, LearningSignal signal, Tally tally) {
        if (evidenceMapper.map(signal, current) instanceof EvidenceMapper.Mapping.Unmapped) {
            tally.notMapped++;
            return;
        }
        IngestOutcome outcome = sink.accept(signal);
        if (outcome.deadLettered()) {
            tally.deadLettered++;
        } else if (outcome.stored()) {
            tally.stored++;
        } else {
            tally.alreadyKnown++;
        }
    }

    /** The Canvas ids the taxonomy maps under a prefix, from learning assets and evidence rules. */
    static List<String> refIds(Taxonomy taxonomy, String prefix) {
        TreeSet<String> ids = new TreeSet<>();
        Stream.concat(taxonomy.assets().values().stream().map(LearningAsset::lmsRefs).flatMap(List::stream),
                        taxonomy.rules().stream().map(EvidenceRule::objectRef))
                .filter(ref -> ref != null && ref.startsWith(prefix))
                .map(ref -> ref.substring(prefix.length()))
                .forEach(ids::add);
        return new ArrayList<>(ids);
    }

    private static final class Tally {
        int students;
        int stored;
        int alreadyKnown;
        int notMapped;
        int deadLettered;
        final List<String> failures = new ArrayList<>();
    }

}
