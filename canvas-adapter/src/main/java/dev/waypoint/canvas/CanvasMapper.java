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
     * An outcome result that shows mastery (Canvas Outcome Results API: {@code mastery}, {@code score},
     * {@code links.user}, {@code links.learning_outcome}); results short of mastery are not evidence.
     */
    public Optional<LearningSignal> masteredOutcome(String tenantId, JsonNode result, List<IdentityRef> identities) {
        if (!result.path("mastery").asBoolean(false)) {
            return Optional.empty();
        }
        String outcomeId = text(result.path("links"), "learning_outcome");
        String userId = text(result.path("links"), "user");
        Instant at = instant(text(result, "submitted_or_assessed_at"));
        if (outcomeId == null || userId == null || at == null) {
            return Optional.empty();
        }
        Double scaled = result.path("percent").isNumber() ? clamp(result.get("percent").asDouble()) : null;
        return Optional.of(new LearningSignal(tenantId, identities, null, EvidenceKind.ASSESSMENT,
                "canvas:outcome:" + outcomeId, List.of(), at, scaled, SOURCE,
                "outcome_result:" + text(result, "id"), null, result.toString()));
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
