package dev.waypoint.moodle;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The check run when an admin saves a site: {@code core_webservice_get_site_info} proves the token works
 * and lists the functions of the token's service, so the ones Waypoint needs but the service lacks can
 * be named before the first sync fails on them. The optional parts a site turns on add theirs.
 */
public final class MoodleSiteCheck {

    /** Needed for the evidence pull. */
    public static final List<String> PULL_FUNCTIONS = List.of(
            "core_webservice_get_site_info", "core_course_get_courses", "core_enrol_get_enrolled_users",
            "core_enrol_get_users_courses", "core_completion_get_course_completion_status",
            "core_badges_get_user_badges");

    /** Needed for write-back. */
    public static final List<String> WRITE_FUNCTIONS = List.of(
            "core_user_update_users", "core_competency_grade_competency", "core_competency_list_competencies",
            "core_competency_read_competency_framework");

    /** Needed to read competency ratings from learning plans ({@link MoodleOptions#competencyRatings()}). */
    public static final List<String> RATING_FUNCTIONS = List.of(
            "core_competency_list_user_plans", "core_competency_list_plan_competencies");

    /** Needed to keep a learning plan per person ({@link MoodleOptions#learningPlans()}). */
    public static final List<String> PLAN_FUNCTIONS = List.of(
            "core_competency_list_user_plans", "core_competency_create_plan", "core_competency_list_plan_competencies",
            "core_competency_add_competency_to_plan");

    /** What the site said about itself; {@code missingFunctions} empty means everything is in the service. */
    public record SiteReport(String siteName, String release, long webServiceUserId, List<String> missingFunctions) {
        public SiteReport {
            missingFunctions = List.copyOf(missingFunctions);
        }
    }

    public SiteReport check(MoodleClient client) {
        JsonNode info = client.siteInfo();
        Set<String> offered = new HashSet<>();
        info.path("functions").forEach(f -> offered.add(f.path("name").asText()));
        List<String> missing = new ArrayList<>();
        MoodleOptions options = client.site().options();
        Set<String> needed = new java.util.LinkedHashSet<>(concat(PULL_FUNCTIONS, WRITE_FUNCTIONS));
        if (options.competencyRatings()) {
            needed.addAll(RATING_FUNCTIONS);
        }
        if (options.learningPlans()) {
            needed.addAll(PLAN_FUNCTIONS);
        }
        for (String function : needed) {
            if (!offered.contains(function)) {
                missing.add(function);
            }
        }
        return new SiteReport(info.path("sitename").asText(), info.path("release").asText(),
                info.path("userid").asLong(), missing);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
