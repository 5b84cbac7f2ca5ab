package dev.waypoint.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waypoint.core.writeback.WriteBackFailure;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps one Moodle learning plan per person and target role holding the role's mapped competencies, so the
 * learner sees in Moodle what the role asks of them. Idempotent without remembering anything: the plan is
 * found by its name among the person's plans ({@code core_competency_list_user_plans}) or created active
 * ({@code core_competency_create_plan}), and only competencies it lacks are added
 * ({@code core_competency_list_plan_competencies}, {@code core_competency_add_competency_to_plan}); a retry
 * after a crash half-way finds what the first attempt made.
 */
final class MoodleLearningPlans {

    /** Moodle's plan status "active" (core_competency\plan::STATUS_ACTIVE): visible to the learner. */
    static final int STATUS_ACTIVE = 1;

    private final MoodleCompetencyScale scales;

    MoodleLearningPlans(MoodleCompetencyScale scales) {
        this.scales = scales;
    }

    static String planName(String roleName) {
        return "Waypoint: " + roleName;
    }

    void deliver(MoodleClient client, long userId, String name, long frameworkId, List<String> idnumbers)
            throws WriteBackFailure {
        MoodleCompetencyScale.Framework framework = scales.framework(client, frameworkId);
        for (String idnumber : idnumbers) {
            if (!framework.competencyIds().containsKey(idnumber)) {
                throw new WriteBackFailure("core_competency_add_competency_to_plan: framework " + frameworkId
                        + " has no competency with idnumber " + idnumber + ": fix the competency mapping of the Moodle site", false);
            }
        }
        long planId = existingPlan(client, userId, name);
        if (planId == 0) {
            planId = client.createPlan(userId, name, "The competencies this role asks for, kept by Waypoint.", STATUS_ACTIVE)
                    .path("id").asLong();
        }
        Set<Long> present = new HashSet<>();
        for (JsonNode item : client.planCompetencies(planId)) {
            present.add(item.path("competency").path("id").asLong());
        }
        for (String idnumber : idnumbers) {
            long competencyId = framework.competencyIds().get(idnumber);
            if (!present.contains(competencyId)) {
                client.addCompetencyToPlan(planId, competencyId);
            }
        }
    }

    private static long existingPlan(MoodleClient client, long userId, String name) {
        for (JsonNode plan : client.userPlans(userId)) {
            if (name.equals(plan.path("name").asText())) {
                return plan.path("id").asLong();
            }
        }
        return 0;
    }
}
