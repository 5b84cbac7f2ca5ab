package dev.waypoint.core.taxonomy;

import java.util.regex.Pattern;

/**
 * The shape of a reference to an LMS object, {@code <lms>:<object type>:<idnumber or id>} (for example
 * {@code moodle:course:SQLF101}, {@code moodle:badge:1}, {@code canvas:course:42}), or the IRI of an
 * xAPI activity. Adapters build the same strings from LMS signals, so a ref that cannot match any
 * signal is caught here rather than silently never matching.
 */
final class LmsRefs {

    private static final Pattern LMS_REF = Pattern.compile("[a-z][a-z0-9_-]*:[a-z][a-z0-9_-]*:\\S.*");
    private static final Pattern IRI = Pattern.compile("https?://\\S+");

    private LmsRefs() {
    }

    static boolean isWellFormed(String ref) {
        return LMS_REF.matcher(ref).matches() || IRI.matcher(ref).matches();
    }

    /** Reports a malformed ref at its value; true when the ref is usable. */
    static boolean check(YamlValue value, String ref) {
        if (isWellFormed(ref)) {
            return true;
        }
        value.problem("'" + ref + "' is not an LMS reference: write <lms>:<object type>:<idnumber or id>"
                + " (for example moodle:course:SQLF101 or moodle:badge:1) or an activity IRI (https://...)");
        return false;
    }
}
