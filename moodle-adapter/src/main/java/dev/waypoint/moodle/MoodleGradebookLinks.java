package dev.waypoint.moodle;

import java.util.List;

/**
 * Where a synced learner's readiness can show as an AGS grade: told, for a person whose Moodle answer
 * changed, which of the site's {@link MoodleOptions#agsCourseIds() AGS courses} Moodle says they are enrolled
 * in. Moodle's LTI {@code sub} is the Moodle user id, so the score can be addressed without a launch;
 * the token and the line items belong to the LTI side, which implements this.
 */
public interface MoodleGradebookLinks {

    MoodleGradebookLinks NONE = (tenantId, site, personId, moodleUserId, courseIds) -> { };

    void enrolled(String tenantId, MoodleProperties site, String personId, long moodleUserId, List<Long> courseIds);
}
