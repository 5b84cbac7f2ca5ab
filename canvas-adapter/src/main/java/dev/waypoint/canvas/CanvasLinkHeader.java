package dev.waypoint.canvas;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code Link} header Canvas pages its lists with (RFC 8288; Canvas REST API "Pagination"):
 * {@code <https://…/api/v1/courses/1/enrollments?page=2&per_page=100>; rel="next", <…>; rel="last"}.
 * The next URL is opaque (Canvas may use bookmarks instead of page numbers) and is followed as given.
 */
final class CanvasLinkHeader {

    private static final Pattern LINK = Pattern.compile("\\s*<([^>]*)>\\s*((?:;\\s*[^;,]+)*)\\s*");
    private static final Pattern REL = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]+)\"?");

    private CanvasLinkHeader() {
    }

    /** The {@code rel="next"} URL, empty on the last page; a header that is not a link list is an error. */
    static Optional<String> next(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        for (String part : header.split(",(?=\\s*<)")) {
            Matcher link = LINK.matcher(part);
            if (!link.matches()) {
                throw new CanvasException.BadResponse("malformed Link header from Canvas: '" + abbreviate(header) + "'", null);
            }
            Matcher rel = REL.matcher(link.group(2));
            while (rel.find()) {
                for (String name : rel.group(1).trim().split("\\s+")) {
                    if (name.equals("next")) {
                        return Optional.of(link.group(1));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
