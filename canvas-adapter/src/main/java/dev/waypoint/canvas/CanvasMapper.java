package dev.waypoint.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Canvas objects to learning signals, with the lms refs the taxonomy uses: {@code canvas:course:<id>},
 * {@code canvas:assignment:<id>}, {@code canvas:outcome:<id>}. A completion has the same external id
 * whether it came from a poll or a Live Event, so the two never count twice.
 */
public final class CanvasMapper {

    public static final String SOURCE = "canvas";

    /** Every identity Canvas shows for a user: id, SIS id, login, and e-mail where the token may see it. */
    public List<IdentityRef> identities(String userId, JsonNode user) {
        List<IdentityRef> refs = new ArrayList<>();
        add(refs, IdentityKind.CANVAS_USER_ID, userId);
        if (user != null && !user.isMissingNode()) {
            add(refs, IdentityKind.CANVAS_SIS_USER_ID, text(user, "sis_user_id"));
            add(refs, IdentityKind.CANVAS_LOGIN, text(user, "login_id"));
            add(refs, IdentityKind.EMAIL, text(user, "email"));
        }
        return refs;
    }

    /** A finished course: {@code completed_at} of the course progress, the course score as the grade. */
    public LearningSignal courseCompletion(String tenantId, String courseId, String userId, List<IdentityRef> identities,
                                           String name, Instant completedAt, Double currentScore, String raw) {
        return new LearningSignal(tenantId, identities, name, EvidenceKind.COURSE_COMPLETION, courseRef(courseId), List.of(),
                completedAt, percent(currentScore), SOURCE, "course:" + courseId + ":user:" + userId + ":completed", null, raw);
    }

    /** A graded submission; one signal per grading, so a re-grade is a new fact. */
    public Optional<LearningSignal> gradedSubmission(String tenantId, JsonNode submission, List<IdentityRef> identities) {
        Instant gradedAt = instant(text(submission, "graded_at"));
        String assignmentId = text(submission, "assignment_id");
        String userId = text(submission, "user_id");
        if (gradedAt == null || assignmentId == null || userId == null || !submission.path("score").isNumber()) {
            return Optional.empty();
        }
        double possible = submission.path("assignment").path("points_possible").asDouble(0);
        Double scaled = possible > 0 ? clamp(submission.get("score").asDouble() / possible) : null;
        return Optional.of(new LearningSignal(tenantId, identities, null, EvidenceKind.ASSESSMENT,
                "canvas:assignment:" + assignmentId, List.of(), gradedAt, scaled, SOURCE,
                "submission:" + assignmentId + ":user:" + userId + ":graded:" + gradedAt, null, submission.toString()));
    }

    /**
     * An outcome result (Outcome Results API: {@code score}, {@code links.user},
     * {@code links.learning_outcome}, {@code submitted_or_assessed_at}) that reaches the outcome's mastery
     * ({@code mastery_points}); the score is sent as a share of the outcome's {@code points_possible}, so
     * evidence rules with a {@code min_score} can grant more for more than mastery. Results short of
     * mastery are not evidence. Without the outcome's points, Canvas's own {@code mastery} flag and
     * {@code percent} decide.
     */
    public Optional<LearningSignal> outcomeResult(String tenantId, JsonNode result, CanvasOutcome outcome,
                                                  List<IdentityRef> identities) {
        String outcomeId = text(result.path("links"), "learning_outcome");
        String userId = text(result.path("links"), "user");
        Instant at = instant(text(result, "submitted_or_assessed_at"));
        if (outcomeId == null || userId == null || at == null) {
            return Optional.empty();
        }
        return mastery(result.path("score"), result, outcome).map(mastered -> new LearningSignal(tenantId, identities, null,
                EvidenceKind.ASSESSMENT, outcomeRef(outcomeId), List.of(), at, mastered.scaled(), SOURCE,
                "outcome_result:" + text(result, "id"), null, result.toString()));
    }

    /**
     * A learner's rollup score on an outcome in a course (Outcome Results API, OutcomeRollupScore:
     * {@code score}, {@code count}, {@code links.outcome}) — Canvas's own judgement across every
     * alignment, by the outcome's calculation method — when it reaches mastery. One fact per learner,
     * course and outcome: the first mastery seen is kept. {@code seenAt} stands in when Canvas gives no
     * {@code submitted_at}.
     */
    public Optional<LearningSignal> outcomeRollup(String tenantId, String courseId, String userId, JsonNode rollupScore,
                                                  CanvasOutcome outcome, List<IdentityRef> identities, Instant seenAt) {
        String outcomeId = text(rollupScore.path("links"), "outcome");
        if (outcomeId == null || userId == null || outcome == null || !outcome.judges()) {
            // a rollup carries no mastery flag of its own: without the outcome's points there is nothing to judge
            return Optional.empty();
        }
        Instant submitted = instant(text(rollupScore, "submitted_at"));
        return mastery(rollupScore.path("score"), rollupScore, outcome).map(mastered -> new LearningSignal(tenantId, identities,
                null, EvidenceKind.ASSESSMENT, outcomeRef(outcomeId), List.of(), submitted == null ? seenAt : submitted,
                mastered.scaled(), SOURCE, "outcome_rollup:course:" + courseId + ":outcome:" + outcomeId + ":user:" + userId + ":mastered",
                null, rollupScore.toString()));
    }

    /** A score that reached mastery, as a share of the outcome's points (null when Canvas gave none). */
    private record Mastered(Double scaled) {
    }

    /** The mastery {@code score} reached, empty when it fell short. */
    private static Optional<Mastered> mastery(JsonNode score, JsonNode result, CanvasOutcome outcome) {
        if (outcome != null && outcome.judges()) {
            return score.isNumber() && outcome.mastered(score.asDouble())
                    ? Optional.of(new Mastered(outcome.scaled(score.asDouble()))) : Optional.empty();
        }
        if (!result.path("mastery").asBoolean(false)) {
            return Optional.empty();
        }
        return Optional.of(new Mastered(result.path("percent").isNumber() ? clamp(result.get("percent").asDouble()) : null));
    }

    public static String outcomeRef(String outcomeId) {
        return "canvas:outcome:" + outcomeId;
    }

    public static String courseRef(String courseId) {
        return "canvas:course:" + courseId;
    }

    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static Double percent(Double score) {
        return score == null ? null : clamp(score / 100.0);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    private static void add(List<IdentityRef> refs, IdentityKind kind, String value) {
        if (value != null && !value.isBlank()) {
            refs.add(IdentityRef.of(kind, value));
        }
    }
}
