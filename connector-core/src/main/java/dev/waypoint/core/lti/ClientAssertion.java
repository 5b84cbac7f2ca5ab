package dev.waypoint.core.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The OAuth 2.0 client-credentials request a tool makes to call LTI services (LTI Security Framework
 * 1.0 §4.1 "Using OAuth 2.0 Client Credentials Grant" with a JWT client assertion per RFC 7523,
 * {@code private_key_jwt}): iss and sub are the client id, aud the token endpoint, a fresh jti, and a
 * {@code kid} in the header (Moodle's token.php refuses assertions without one).
 */
public final class ClientAssertion {

    public static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private ClientAssertion() {
    }

    /** The form fields of the token request. */
    public static Map<String, String> tokenRequest(Registration registration, RSAKey toolKey, List<String> scopes,
                                                   Instant now) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", ASSERTION_TYPE);
        form.put("client_assertion", sign(registration, toolKey, now));
        form.put("scope", String.join(" ", scopes));
        return form;
    }

    static String sign(Registration registration, RSAKey toolKey, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(registration.clientId())
                .subject(registration.clientId())
                .audience(registration.tokenEndpoint())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(toolKey.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(toolKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the client assertion", e);
        }
        return jwt.serialize();
    }
}
