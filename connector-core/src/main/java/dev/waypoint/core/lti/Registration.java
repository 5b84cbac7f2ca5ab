package dev.waypoint.core.lti;

import java.time.Instant;
import java.util.Objects;

/**
 * One platform registration: the tool as one LMS knows it (LTI Security Framework 1.0 §3 "Tool and
 * platform registration"). Keyed by the pair (issuer, clientId) because Canvas cloud uses a single
 * issuer for every customer. Each registration is its own tenant.
 *
 * @param active false while the platform (Moodle's dynamic registration) or an admin has not activated it
 */
public record Registration(String id, String tenantId, String issuer, String clientId,
                           String authorizationEndpoint, String tokenEndpoint, String jwksUri,
                           boolean active, Instant createdAt) {

    public Registration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(jwksUri, "jwksUri");
    }
}
