package dev.waypoint.moodle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tenant's Moodle site: where it is, the web-service token, which courses to read people from, how
 * hard to press it, and how Moodle competencies map to taxonomy skills. The token never leaves this
 * record except into the request body: {@link #toString()} masks it.
 *
 * @param baseUrl            the site root, e.g. {@code https://moodle.example.com} (no trailing path)
 * @param courseIds          courses whose participants are synced; empty: every course of the site
 * @param activityCourseIds  courses whose activity completion is pulled too (one call per person and course
 *                           when the person changed); activities are {@code moodle:activity:<cmid>}
 * @param pageSize           participants per {@code core_enrol_get_enrolled_users} page
 * @param concurrency        at most this many calls in flight to the site (the per-site limit)
 * @param profileField       shortname of the user profile field that shows readiness; null: not written
 * @param competencyFrameworkId the Moodle framework whose competencies ratings go to; null: no ratings
 * @param competencies       taxonomy skill id to Moodle competency idnumber
 * @param syncEvery          how often the scheduler syncs this site; null: only on demand
 * @param options            the optional parts (AGS courses, ratings as evidence, learning plans, badge assertions)
 */
public record MoodleProperties(String baseUrl, String token, List<Long> courseIds, List<Long> activityCourseIds,
                               int pageSize, int concurrency,
                               Duration callTimeout, int maxAttempts, String profileField,
                               Long competencyFrameworkId, Map<String, String> competencies, Duration syncEvery,
                               MoodleOptions options) {

    public static final int DEFAULT_PAGE_SIZE = 500;
    public static final int DEFAULT_CONCURRENCY = 8;

    public MoodleProperties {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        courseIds = courseIds == null ? List.of() : List.copyOf(courseIds);
        activityCourseIds = activityCourseIds == null ? List.of() : List.copyOf(activityCourseIds);
        pageSize = pageSize <= 0 ? DEFAULT_PAGE_SIZE : pageSize;
        concurrency = concurrency <= 0 ? DEFAULT_CONCURRENCY : concurrency;
        callTimeout = callTimeout == null ? Duration.ofSeconds(30) : callTimeout;
        maxAttempts = maxAttempts <= 0 ? 4 : maxAttempts;
        competencies = competencies == null ? Map.of() : Map.copyOf(competencies);
        options = options == null ? MoodleOptions.NONE : options;
    }

    /** A site with defaults for everything but where it is and the token. */
    public static MoodleProperties of(String baseUrl, String token) {
        return new MoodleProperties(baseUrl, token, List.of(), List.of(), 0, 0, null, 0, "readiness", null, Map.of(), null, MoodleOptions.NONE);
    }

    public MoodleProperties withCourseIds(List<Long> ids) {
        return new MoodleProperties(baseUrl, token, ids, activityCourseIds, pageSize, concurrency, callTimeout, maxAttempts, profileField,
                competencyFrameworkId, competencies, syncEvery, options);
    }

    public MoodleProperties withActivityCourseIds(List<Long> ids) {
        return new MoodleProperties(baseUrl, token, courseIds, ids, pageSize, concurrency, callTimeout, maxAttempts,
                profileField, competencyFrameworkId, competencies, syncEvery, options);
    }

    public MoodleProperties withCalls(int newConcurrency, Duration newTimeout, int newMaxAttempts) {
        return new MoodleProperties(baseUrl, token, courseIds, activityCourseIds, pageSize, newConcurrency, newTimeout, newMaxAttempts,
                profileField, competencyFrameworkId, competencies, syncEvery, options);
    }

    public MoodleProperties withCompetencies(Long frameworkId, Map<String, String> skillToIdnumber) {
        return new MoodleProperties(baseUrl, token, courseIds, activityCourseIds, pageSize, concurrency, callTimeout, maxAttempts,
                profileField, frameworkId, skillToIdnumber, syncEvery, options);
    }

    public MoodleProperties withOptions(MoodleOptions newOptions) {
        return new MoodleProperties(baseUrl, token, courseIds, activityCourseIds, pageSize, concurrency, callTimeout, maxAttempts,
                profileField, competencyFrameworkId, competencies, syncEvery, newOptions);
    }

    /** The token as it may appear in logs and answers: its last four characters at most. */
    public String maskedToken() {
        return mask(token);
    }

    static String mask(String token) {
        if (token == null || token.length() < 12) {
            return "****";
        }
        return "****" + token.substring(token.length() - 4);
    }

    @Override
    public String toString() {
        return "MoodleProperties[baseUrl=" + baseUrl + ", token=" + maskedToken() + ", courseIds=" + courseIds
                + ", concurrency=" + concurrency + "]";
    }
}
