package dev.waypoint.app.lti;

import java.time.LocalDate;
import java.util.List;

/**
 * What the learner page shows, ready for the template: one card per target role (next level, lateral
 * moves, chosen roles), and for each role its skill-by-skill gap with the evidence and verification
 * steps behind every score, and the dated path. Every number has an anchor id that explains it.
 */
public record LearnerView(String personName, String contextTitle, String currentRole, List<RoleView> roles) {

    public record RoleView(String roleId, String roleName, String why, int score, int uncappedScore, String band,
                           List<String> blockingSkills, double weightSum, double weightedSum,
                           List<SkillView> skills, List<StepView> path, double pathHours, String anchor) {
    }

    public record SkillView(String skillId, String name, int targetLevel, double weight, boolean mustHave,
                            int scorePercent, int ceilingPercent, int gapPercent, List<EvidenceView> evidence,
                            List<StepCheck> verification, boolean verified, String anchor) {
    }

    public record EvidenceView(String evidenceId, String kind, int level, String occurredOn, double confidence,
                               double decay, double levelFactor, int qualityPercent) {
    }

    public record StepCheck(String step, boolean met, List<String> evidenceIds) {
    }

    public record StepView(int order, String type, String name, double hours, LocalDate startsOn, LocalDate dueOn,
                           List<Closes> closes) {
    }

    public record Closes(String skillId, int beforePercent, int afterPercent, String skillAnchor) {
    }
}
