package dev.waypoint.app.lti.store;

import dev.waypoint.core.store.jdbc.SqlTime;
import dev.waypoint.app.lti.LtiSession;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** LTI sessions in {@code lti_session}; roles are stored space-separated (LIS role URIs hold no spaces). */
public class JdbcLtiSessions {

    private final JdbcClient jdbc;

    public JdbcLtiSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(LtiSession s, Instant now) {
        jdbc.sql("INSERT INTO lti_session (id, registration_id, tenant_id, person_id, context_id, context_title, roles, "
                        + "instructor, memberships_url, created_at, expires_at) VALUES (:id, :reg, :tenant, :person, "
                        + ":context, :title, :roles, :instructor, :memberships, :created, :expires)")
                .param("id", s.id()).param("reg", s.registrationId()).param("tenant", s.tenantId())
                .param("person", s.personId()).param("context", s.contextId()).param("title", s.contextTitle())
                .param("roles", String.join(" ", s.roles())).param("instructor", s.instructor())
                .param("memberships", s.membershipsUrl()).param("created", SqlTime.param(now))
                .param("expires", SqlTime.param(s.expiresAt())).update();
    }

    public Optional<LtiSession> find(String id, Instant now) {
        return jdbc.sql("SELECT * FROM lti_session WHERE id = :id AND expires_at > :now")
                .param("id", id).param("now", SqlTime.param(now))
                .query((rs, n) -> new LtiSession(rs.getString("id"), rs.getString("registration_id"),
                        rs.getString("tenant_id"), rs.getString("person_id"), rs.getString("context_id"),
                        rs.getString("context_title"), roles(rs.getString("roles")), rs.getBoolean("instructor"),
                        rs.getString("memberships_url"), SqlTime.read(rs, "expires_at")))
                .optional();
    }

    /** People who launched in this context as learners, most recent launch first. */
    public List<String> learnersOf(String registrationId, String contextId) {
        return jdbc.sql("SELECT person_id, MAX(created_at) AS last_launch FROM lti_session WHERE registration_id = :reg "
                        + "AND context_id = :context AND instructor = FALSE GROUP BY person_id ORDER BY last_launch DESC")
                .param("reg", registrationId).param("context", contextId)
                .query((rs, n) -> rs.getString("person_id")).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM lti_session").query(Long.class).single();
    }

    public int purge(Instant before) {
        return jdbc.sql("DELETE FROM lti_session WHERE expires_at < :before").param("before", SqlTime.param(before)).update();
    }

    private static List<String> roles(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(" "));
    }
}
