package dev.waypoint.moodle;

import java.util.List;

/**
 * The optional parts of a site's sync and write-back, each off unless the admin turns it on, because each
 * costs calls or writes into Moodle that not every site wants.
 *
 * @param agsCourseIds       courses whose gradebook shows readiness as an AGS score for every enrolled
 *                           learner the sync sees, not only for those who launched Waypoint there; needs an
 *                           active LTI registration of this site in the same tenant
 * @param competencyRatings  read each person's competency ratings from their learning plans as evidence
 *                           ({@code core_competency_list_user_plans}, {@code core_competency_list_plan_competencies})
 * @param learningPlans      keep a learning plan per person holding the mapped competencies of their target roles
 * @param badgeAssertions    verify each newly seen badge against its Open Badges 2.0 hosted assertion
 */
public record MoodleOptions(List<Long> agsCourseIds, boolean competencyRatings, boolean learningPlans,
                            boolean badgeAssertions) {

    public static final MoodleOptions NONE = new MoodleOptions(List.of(), false, false, false);

    public MoodleOptions {
        agsCourseIds = agsCourseIds == null ? List.of() : List.copyOf(agsCourseIds);
    }
}
