package dev.waypoint.xapi;

import dev.waypoint.xapi.statement.XapiStatement;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an activity IRI becomes the LMS ref the taxonomy names. For a known Moodle site (see
 * {@link XapiProperties#moodleSites()}) logstore_xapi's IRIs are read: {@code <site>/course/view.php?id=N} is
 * {@code moodle:course:<idnumber>} when the statement carries the course idnumber (logstore_xapi's
 * {@code .../learning-management-system/external-id} extension) and {@code moodle:course:N} otherwise;
 * {@code <site>/mod/<module>/view.php?id=N} likewise {@code moodle:activity:<idnumber or N>};
 * {@code <site>/badges/overview.php?id=N} and a badge IRI with the badge id in that extension are
 * {@code moodle:badge:<id>}. Every other IRI (a badge known only by its issued hash, any non-Moodle activity)
 * is kept as the raw IRI, which the taxonomy also accepts as an lms_ref.
 */
final class ObjectRefs {

    static final String EXTERNAL_ID = "https://w3id.org/learning-analytics/learning-management-system/external-id";
    private static final Pattern COURSE = Pattern.compile("/course/view\\.php\\?id=(\\d+)");
    private static final Pattern MODULE = Pattern.compile("/mod/[a-z0-9_]+/view\\.php\\?id=(\\d+)");
    private static final Pattern BADGE_OVERVIEW = Pattern.compile("/badges/overview\\.php\\?id=(\\d+)");
    private static final Pattern BADGE = Pattern.compile("/badges/badge\\.php\\?hash=[0-9a-fA-F]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final XapiProperties properties;

    ObjectRefs(XapiProperties properties) {
        this.properties = properties;
    }

    String refOf(XapiStatement.StatementObject object) {
        String iri = object.id();
        Optional<String> site = properties.moodleSites().stream().filter(s -> iri.startsWith(s + "/")).findFirst();
        if (site.isEmpty()) {
            return iri;
        }
        String path = iri.substring(site.get().length());
        String idnumber = externalId(object);
        Matcher m;
        if ((m = COURSE.matcher(path)).matches()) {
            return "moodle:course:" + (idnumber != null ? idnumber : m.group(1));
        }
        if ((m = MODULE.matcher(path)).matches()) {
            return "moodle:activity:" + (idnumber != null ? idnumber : m.group(1));
        }
        if ((m = BADGE_OVERVIEW.matcher(path)).matches()) {
            return "moodle:badge:" + m.group(1);
        }
        if (BADGE.matcher(path).matches() && idnumber != null && DIGITS.matcher(idnumber).matches()) {
            return "moodle:badge:" + idnumber;
        }
        return iri;
    }

    /** Whether the object is a course: a Moodle course IRI, or one of the course activity types. */
    boolean isCourse(XapiStatement.StatementObject object) {
        String type = object.definition() == null ? null : object.definition().type();
        return "http://adlnet.gov/expapi/activities/course".equals(type)
                || "https://w3id.org/xapi/cmi5/activitytype/course".equals(type)
                || "http://vocab.xapi.fr/activities/course".equals(type)
                || refOf(object).startsWith("moodle:course:");
    }

    boolean isBadge(XapiStatement.StatementObject object) {
        String type = object.definition() == null ? null : object.definition().type();
        return "https://w3id.org/xapi/tla/activity-types/badge".equals(type)
                || "http://activitystrea.ms/schema/1.0/badge".equals(type)
                || "https://w3id.org/xapi/openbadges/activity-types/badge".equals(type)
                || refOf(object).startsWith("moodle:badge:")
                || pathOf(object.id()).contains("/badges/");
    }

    private static String pathOf(String iri) {
        try {
            String path = URI.create(iri).getRawPath();
            return path == null ? "" : path;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String externalId(XapiStatement.StatementObject object) {
        if (object.definition() == null || object.definition().extensions() == null) {
            return null;
        }
        var value = object.definition().extensions().get(EXTERNAL_ID);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().trim();
    }
}
