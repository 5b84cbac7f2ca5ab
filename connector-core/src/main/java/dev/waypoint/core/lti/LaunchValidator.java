package dev.waypoint.core.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Validates the authentication response of an LTI launch, in the order of LTI Security Framework 1.0
 * §5.1.3 "Authentication Response Validation" (and OpenID Connect Core §3.1.3.7): state, RS256 signature
 * against the platform's key set, iss, aud and azp, exp and iat with a small skew, the single-use nonce;
 * then LTI Core 1.3 §5.3 (message type, version, deployment id, required claims) and that the target
 * link is this tool's. Any failure is a {@link LaunchRefusedException}; success consumes the state.
 *
 * <p>The claims are read from the payload with the JDK's Base64 decoder: they are not secret, and Nimbus's
 * constant-time decoder (right for keys and signatures) made reading them the largest cost of a launch. The
 * signature is still checked by Nimbus's {@link RSASSAVerifier} over the token's own signing input, with the
 * platform's keys as {@link VerificationKeys} selects them.
 */
public final class LaunchValidator {

    /** Larger than any real launch (Moodle's is ~4 KB); refused before any parsing. */
    public static final int MAX_TOKEN_LENGTH = 64 * 1024;

    private final RegistrationRepository registrations;
    private final LoginStateStore states;
    private final PlatformKeys keys;
    private final VerificationKeys verificationKeys = new VerificationKeys();
    private final ToolEndpoints tool;
    private final Clock clock;
    private final Duration skew;

    public LaunchValidator(RegistrationRepository registrations, LoginStateStore states, PlatformKeys keys,
                           ToolEndpoints tool, Clock clock, Duration skew) {
        this.registrations = registrations;
        this.states = states;
        this.keys = keys;
        this.tool = tool;
        this.clock = clock;
        this.skew = skew;
    }

    /**
     * @param idToken     the posted id_token
     * @param state       the posted state
     * @param boundState  the state this browser holds (cookie or platform storage); null when it has none
     */
    public LaunchMessage validate(String idToken, String state, String boundState) {
        if (state == null || state.isBlank()) {
            throw refused(LaunchRefusal.MISSING_STATE, "no state parameter");
        }
        if (boundState == null || !boundState.equals(state)) {
            throw refused(LaunchRefusal.STATE_MISMATCH, boundState == null ? "browser holds no state" : "states differ");
        }
        if (idToken == null || idToken.isBlank()) {
            throw refused(LaunchRefusal.MISSING_CLAIM, "no id_token parameter");
        }
        if (idToken.length() > MAX_TOKEN_LENGTH) {
            throw refused(LaunchRefusal.OVERSIZED_REQUEST, idToken.length() + " characters");
        }
        SignedJWT jwt = parse(idToken);
        JWTClaimsSet claims = claims(jwt);
        Instant now = clock.instant();
        LoginStateStore.Taken taken = states.take(state, now);
        if (taken.outcome() == LoginStateStore.Outcome.ALREADY_USED) {
            throw refused(LaunchRefusal.REPLAYED, "state and nonce already consumed");
        }
        if (taken.outcome() == LoginStateStore.Outcome.UNKNOWN) {
            throw refused(LaunchRefusal.UNKNOWN_STATE, "state not issued or expired");
        }
        LoginState login = taken.state();
        Registration registration = registrations.findById(login.registrationId())
                .orElseThrow(() -> refused(LaunchRefusal.UNKNOWN_CLIENT, "registration removed since login"));

        verify(jwt, registration);
        checkAudience(claims, registration);
        checkTimes(claims, now);
        String nonce = string(claims, "nonce");
        if (!login.nonce().equals(nonce)) {
            throw refused(LaunchRefusal.NONCE_MISMATCH, "nonce differs from the one issued");
        }
        return LaunchClaims.read(claims, registration, registrations, tool);
    }

    private static SignedJWT parse(String idToken) {
        JWT parsed;
        try {
            parsed = JWTParser.parse(idToken);
        } catch (ParseException e) {
            throw refused(LaunchRefusal.MALFORMED_TOKEN, "unparseable JWT");
        }
        if (!(parsed instanceof SignedJWT signed)) {
            throw refused(LaunchRefusal.ALGORITHM_NOT_ALLOWED, "unsigned or encrypted token (alg "
                    + parsed.getHeader().getAlgorithm() + ")");
        }
        if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            throw refused(LaunchRefusal.ALGORITHM_NOT_ALLOWED, "alg " + signed.getHeader().getAlgorithm());
        }
        return signed;
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(jwt.getParsedParts()[1].toString());
            return JWTClaimsSet.parse(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | ParseException e) {
            throw refused(LaunchRefusal.MALFORMED_TOKEN, "claims are not a JSON object");
        }
    }

    private void verify(SignedJWT jwt, Registration registration) {
        try {
            DefaultJOSEObjectTypeVerifier.JWT.verify(jwt.getHeader().getType(), null);
        } catch (BadJOSEException e) {
            throw refused(LaunchRefusal.BAD_SIGNATURE, String.valueOf(e.getMessage()));
        }
        List<RSAPublicKey> candidates;
        try {
            candidates = verificationKeys.select(jwt.getHeader(), keys.of(registration));
        } catch (KeySourceException e) {
            throw refused(LaunchRefusal.PLATFORM_KEYS_UNAVAILABLE, registration.jwksUri());
        }
        if (candidates.isEmpty()) {
            throw refused(LaunchRefusal.UNKNOWN_KEY, "kid " + jwt.getHeader().getKeyID());
        }
        for (RSAPublicKey key : candidates) {
            try {
                if (jwt.verify(new RSASSAVerifier(key))) {
                    return;
                }
            } catch (JOSEException e) {
                throw refused(LaunchRefusal.BAD_SIGNATURE, String.valueOf(e.getMessage()));
            }
        }
        throw refused(LaunchRefusal.BAD_SIGNATURE, "signature does not match the platform's key");
    }

    private static void checkAudience(JWTClaimsSet claims, Registration registration) {
        List<String> audience = claims.getAudience();
        if (!registration.issuer().equals(claims.getIssuer())) {
            throw refused(LaunchRefusal.WRONG_ISSUER, "iss " + claims.getIssuer());
        }
        if (audience == null || !audience.contains(registration.clientId())) {
            throw refused(LaunchRefusal.WRONG_AUDIENCE, "aud " + audience);
        }
        Object azp = claims.getClaim("azp");
        if (azp != null && !registration.clientId().equals(azp)) {
            throw refused(LaunchRefusal.AZP_MISMATCH, "azp " + azp);
        }
        if (audience.size() > 1 && azp == null) {
            throw refused(LaunchRefusal.AZP_MISMATCH, "several audiences and no azp");
        }
    }

    private void checkTimes(JWTClaimsSet claims, Instant now) {
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null) {
            throw refused(LaunchRefusal.MISSING_CLAIM, "exp");
        }
        if (iat == null) {
            throw refused(LaunchRefusal.MISSING_CLAIM, "iat");
        }
        if (now.isAfter(exp.toInstant().plus(skew))) {
            throw refused(LaunchRefusal.EXPIRED, "exp " + exp.toInstant() + " before " + now);
        }
        if (iat.toInstant().isAfter(now.plus(skew))) {
            throw refused(LaunchRefusal.ISSUED_IN_FUTURE, "iat " + iat.toInstant() + " after " + now);
        }
    }

    static String string(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    static LaunchRefusedException refused(LaunchRefusal reason, String detail) {
        return new LaunchRefusedException(reason, detail);
    }

    static Map<String, Object> object(JWTClaimsSet claims, String name) {
        try {
            Map<String, Object> value = claims.getJSONObjectClaim(name);
            return value == null ? Map.of() : value;
        } catch (ParseException e) {
            throw refused(LaunchRefusal.MISSING_CLAIM, name + " is not an object");
        }
    }
}
