package dev.waypoint.app.lti.store;

import dev.waypoint.core.store.jdbc.SqlTime;
import dev.waypoint.core.lti.Registration;
import dev.waypoint.core.lti.RegistrationRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** LTI registrations and deployments in {@code lti_registration} and {@code lti_deployment}. */
public class JdbcRegistrations implements RegistrationRepository {

    private static final String COLUMNS = "id, tenant_id, issuer, client_id, authorization_endpoint, token_endpoint, "
            + "jwks_uri, active, created_at";
    private static final RowMapper<Registration> ROW = (rs, n) -> new Registration(rs.getString("id"),
            rs.getString("tenant_id"), rs.getString("issuer"), rs.getString("client_id"),
            rs.getString("authorization_endpoint"), rs.getString("token_endpoint"), rs.getString("jwks_uri"),
            rs.getBoolean("active"), SqlTime.read(rs, "created_at"));

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcRegistrations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Registration> find(String issuer, String clientId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lti_registration WHERE issuer = :issuer AND client_id = :clientId")
                .param("issuer", issuer).param("clientId", clientId).query(ROW).optional();
    }

    @Override
    public Optional<Registration> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lti_registration WHERE id = :id").param("id", id).query(ROW).optional();
    }

    @Override
    public boolean knowsIssuer(String issuer) {
        return jdbc.sql("SELECT COUNT(*) FROM lti_registration WHERE issuer = :issuer").param("issuer", issuer)
                .query(Long.class).single() > 0;
    }

    @Override
    public List<Registration> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lti_registration ORDER BY created_at, id").query(ROW).list();
    }

    @Override
    public Registration save(Registration r) {
        try {
            jdbc.sql("INSERT INTO lti_registration (" + COLUMNS + ") VALUES (:id, :tenantId, :issuer, :clientId, "
                            + ":auth, :token, :jwks, :active, :createdAt)")
                    .param("id", r.id()).param("tenantId", r.tenantId()).param("issuer", r.issuer())
                    .param("clientId", r.clientId()).param("auth", r.authorizationEndpoint())
                    .param("token", r.tokenEndpoint()).param("jwks", r.jwksUri()).param("active", r.active())
                    .param("createdAt", SqlTime.param(r.createdAt() == null ? clock.instant() : r.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("a registration for client " + r.clientId() + " of " + r.issuer()
                    + " already exists");
        }
        return findById(r.id()).orElseThrow();
    }

    @Override
    public void activate(String registrationId, boolean active) {
        jdbc.sql("UPDATE lti_registration SET active = :active WHERE id = :id")
                .param("active", active).param("id", registrationId).update();
    }

    @Override
    public boolean hasDeployment(String registrationId, String deploymentId) {
        return jdbc.sql("SELECT COUNT(*) FROM lti_deployment WHERE registration_id = :r AND deployment_id = :d")
                .param("r", registrationId).param("d", deploymentId).query(Long.class).single() > 0;
    }

    @Override
    public List<String> deploymentHolders(String issuer, String deploymentId) {
        return jdbc.sql("SELECT d.registration_id FROM lti_deployment d JOIN lti_registration r ON r.id = d.registration_id "
                        + "WHERE d.deployment_id = :d AND r.issuer = :issuer")
                .param("d", deploymentId).param("issuer", issuer).query(String.class).list();
    }

    @Override
    public boolean recordDeployment(String registrationId, String deploymentId) {
        if (hasDeployment(registrationId, deploymentId)) {
            return false;
        }
        return jdbc.sql("INSERT INTO lti_deployment (registration_id, deployment_id, first_seen_at) "
                        + "VALUES (:r, :d, :at) ON CONFLICT DO NOTHING")
                .param("r", registrationId).param("d", deploymentId).param("at", SqlTime.param(clock.instant()))
                .update() == 1;
    }

    @Override
    public List<String> deployments(String registrationId) {
        return jdbc.sql("SELECT deployment_id FROM lti_deployment WHERE registration_id = :r ORDER BY first_seen_at, deployment_id")
                .param("r", registrationId).query(String.class).list();
    }
}
