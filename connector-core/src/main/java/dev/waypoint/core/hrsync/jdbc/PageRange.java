package dev.waypoint.core.hrsync.jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A page of people (ids in ascending database order) as the rows of other tables are read for it: by the
 * id range from the page's first to its last person, not by an {@code IN} list. Embedded H2 checks an
 * {@code IN (?, ?, …)} of bound values against every row it finds by comparing value after value, which
 * with 500 people and thousands of grant rows per page was most of a sync's time; a range is two
 * comparisons and uses the same index on both databases. People of other tenants whose ids fall in the
 * range are dropped by {@link #holds} (ids are unique across tenants).
 */
final class PageRange {

    static final String WHERE = "person_id >= :first AND person_id <= :last";

    private final String first;
    private final String last;
    private final Set<String> ids;

    private PageRange(String first, String last, Set<String> ids) {
        this.first = first;
        this.last = last;
        this.ids = ids;
    }

    /** @param ids the page's people in the order the page query returned them */
    static PageRange of(List<String> ids) {
        return new PageRange(ids.get(0), ids.get(ids.size() - 1), new HashSet<>(ids));
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement.param("first", first).param("last", last);
    }

    boolean holds(String personId) {
        return ids.contains(personId);
    }
}
