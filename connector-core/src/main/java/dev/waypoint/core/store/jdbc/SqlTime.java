package dev.waypoint.core.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * How instants cross JDBC. Columns are {@code TIMESTAMP WITH TIME ZONE}; both PostgreSQL's and H2's
 * drivers map that to {@link OffsetDateTime} without consulting the JVM's zone, which
 * {@link java.sql.Timestamp} would do.
 */
public final class SqlTime {

    private SqlTime() {
    }

    public static OffsetDateTime param(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The current time at the precision both databases keep, so a stored instant reads back equal. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
