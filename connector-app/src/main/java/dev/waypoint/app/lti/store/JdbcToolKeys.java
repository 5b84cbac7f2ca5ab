package dev.waypoint.app.lti.store;

import dev.waypoint.core.store.jdbc.SqlTime;
import dev.waypoint.core.lti.ToolKey;
import dev.waypoint.core.lti.ToolKeyStore;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;

/** The tool's signing keys in {@code lti_tool_key}. */
public class JdbcToolKeys implements ToolKeyStore {

    private final JdbcClient jdbc;

    public JdbcToolKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ToolKey> all() {
        return jdbc.sql("SELECT kid, private_jwk, created_at, retired_at FROM lti_tool_key ORDER BY created_at DESC, kid")
                .query((rs, n) -> new ToolKey(rs.getString("kid"), rs.getString("private_jwk"),
                        SqlTime.read(rs, "created_at"), SqlTime.read(rs, "retired_at")))
                .list();
    }

    @Override
    public void add(ToolKey key) {
        jdbc.sql("INSERT INTO lti_tool_key (kid, private_jwk, created_at, retired_at) VALUES (:kid, :jwk, :created, :retired)")
                .param("kid", key.kid()).param("jwk", key.privateJwk()).param("created", SqlTime.param(key.createdAt()))
                .param("retired", SqlTime.param(key.retiredAt())).update();
    }

    @Override
    public void retire(String kid, Instant at) {
        jdbc.sql("UPDATE lti_tool_key SET retired_at = :at WHERE kid = :kid AND retired_at IS NULL")
                .param("at", SqlTime.param(at)).param("kid", kid).update();
    }

    @Override
    public void delete(String kid) {
        jdbc.sql("DELETE FROM lti_tool_key WHERE kid = :kid").param("kid", kid).update();
    }
}
