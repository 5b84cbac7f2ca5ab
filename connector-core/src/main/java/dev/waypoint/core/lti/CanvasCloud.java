package dev.waypoint.core.lti;

import java.util.Map;
import java.util.Optional;

/**
 * The OpenID endpoints of Instructure's hosted Canvas, per Canvas's "LTI 1.3 Configuration" docs: every
 * customer of an environment shares one issuer ({@code https://canvas.instructure.com}, or the beta
 * and test issuers) and one set of endpoints on {@code sso.canvaslms.com} (authorization redirect,
 * OAuth2 token, JWKS). A registration made by hand for a Canvas cloud issuer needs only its client id;
 * dynamic registration takes the endpoints from the platform's configuration instead.
 */
public final class CanvasCloud {

    public static final String ISSUER = "https://canvas.instructure.com";

    private static final Map<String, String> SSO_HOSTS = Map.of(
            ISSUER, "https://sso.canvaslms.com",
            "https://canvas.beta.instructure.com", "https://sso.beta.canvaslms.com",
            "https://canvas.test.instructure.com", "https://sso.test.canvaslms.com");

    private CanvasCloud() {
    }

    /** The endpoints of a Canvas cloud issuer; empty for any other issuer. */
    public static Optional<Endpoints> endpoints(String issuer) {
        return Optional.ofNullable(issuer == null ? null : SSO_HOSTS.get(issuer))
                .map(sso -> new Endpoints(sso + "/api/lti/authorize_redirect", sso + "/login/oauth2/token",
                        sso + "/api/lti/security/jwks"));
    }

    public record Endpoints(String authorizationEndpoint, String tokenEndpoint, String jwksUri) {
    }
}
