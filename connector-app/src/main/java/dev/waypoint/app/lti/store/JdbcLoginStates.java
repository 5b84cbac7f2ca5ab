package dev.waypoint.app.lti.store;

import dev.waypoint.core.store.jdbc.SqlTime;
import dev.waypoint.core.lti.LoginState;
import dev.waypoint.core.lti.LoginStateStore;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.Optional;

/**
 * Login states in {@code lti_login_state}. A state is consumed by a conditional UPDATE, so exactly one
 * launch wins even when two arrive at once on two nodes.
 */
public class JdbcLoginStates implements LoginStateStore {

    private final JdbcClient jdbc;

    public JdbcLoginStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(LoginState s) {
        jdbc.sql("INSERT INTO lti_login_state (state, nonce, registration_id, target_link_uri, expires_at) "
                        + "VALUES (:state, :nonce, :reg, :target, :expires)")
                .param("state", s.state()).param("nonce", s.nonce()).param("reg", s.registrationId())
                .param("target", s.targetLinkUri()).param("expires", SqlTime.param(s.expiresAt())).update();
    }

    @Override
    public Taken take(String state, Instant now) {
        Optional<LoginState> stored = read(state, "");
        if (stored.isEmpty() || stored.get().expiresAt().isBefore(now)) {
            return new Taken(Outcome.UNKNOWN, null);
        }
        int won = jdbc.sql("UPDATE lti_login_state SET used_at = :now WHERE state = :state AND used_at IS NULL")
                .param("now", SqlTime.param(now)).param("state", state).update();
        return won == 1 ? new Taken(Outcome.FRESH, stored.get()) : new Taken(Outcome.ALREADY_USED, null);
    }

    @Override
    public Optional<LoginState> find(String state, Instant now) {
        return read(state, " AND used_at IS NULL").filter(s -> !s.expiresAt().isBefore(now));
    }

    private Optional<LoginState> read(String state, String condition) {
        return jdbc.sql("SELECT state, nonce, registration_id, target_link_uri, expires_at "
                        + "FROM lti_login_state WHERE state = :state" + condition)
                .param("state", state)
                .query((rs, n) -> new LoginState(rs.getString("state"), rs.getString("nonce"),
                        rs.getString("registration_id"), rs.getString("target_link_uri"), SqlTime.read(rs, "expires_at")))
                .optional();
    }

    @Override
    public int purge(Instant before) {
        return jdbc.sql("DELETE FROM lti_login_state WHERE expires_at < :before")
                .param("before", SqlTime.param(before)).update();
    }
}
