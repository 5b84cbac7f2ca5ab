package dev.waypoint.canvas;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A Canvas learning outcome as far as mastery goes (Outcomes API, the Outcome object an
 * {@code include[]=outcomes} links to outcome results and rollups): a score reaches mastery at
 * {@code mastery_points} out of {@code points_possible}.
 */
public record CanvasOutcome(String id, double masteryPoints, double pointsPossible) {

    /** Whether the outcome says enough to judge a score: Canvas lets an outcome have no points. */
    public boolean judges() {
        return pointsPossible > 0 && masteryPoints > 0;
    }

    public boolean mastered(double score) {
        return score >= masteryPoints;
    }

    /** The score as a share of the outcome's points, what evidence rules' {@code min_score} compare. */
    public double scaled(double score) {
        return Math.max(0, Math.min(1, score / pointsPossible));
    }

    /** The outcomes one page of outcome results or rollups links ({@code linked.outcomes}), by id. */
    static void collectLinked(JsonNode page, Map<String, CanvasOutcome> into) {
        for (JsonNode outcome : page.path("linked").path("outcomes")) {
            String id = CanvasMapper.text(outcome, "id");
            if (id != null) {
                into.put(id, new CanvasOutcome(id, outcome.path("mastery_points").asDouble(0),
                        outcome.path("points_possible").asDouble(0)));
            }
        }
    }
}
