package dev.waypoint.core.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform keys that may have signed an RS256 id_token (LTI Security Framework 1.0 §5.1.3 step 1, §6.3):
 * the key set's RSA keys that match the token header's kid, use and alg, as Nimbus's {@link JWKMatcher} selects
 * them. Asking the source is what makes a cached set be fetched again for an unknown kid. Each key is converted
 * to a Java key once, not per launch: converting decodes the modulus with the constant-time Base64 decoder.
 */
final class VerificationKeys {

    /** More than any platform publishes at once; reached only across many key rolls, then started afresh. */
    private static final int MAX_CONVERTED = 256;

    private final Map<RSAKey, RSAPublicKey> converted = new ConcurrentHashMap<>();

    List<RSAPublicKey> select(JWSHeader header, JWKSource<SecurityContext> source) throws KeySourceException {
        List<JWK> matches = source.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
        List<RSAPublicKey> keys = new ArrayList<>(matches.size());
        for (JWK jwk : matches) {
            if (jwk instanceof RSAKey rsa) {
                RSAPublicKey key = converted.get(rsa);
                if (key == null) {
                    key = convert(rsa);
                    if (key == null) {
                        continue;
                    }
                    if (converted.size() >= MAX_CONVERTED) {
                        converted.clear();
                    }
                    converted.put(rsa, key);
                }
                keys.add(key);
            }
        }
        return keys;
    }

    private static RSAPublicKey convert(RSAKey jwk) {
        try {
            return jwk.toRSAPublicKey();
        } catch (JOSEException e) {
            return null;   // a malformed key in the platform's set cannot have signed anything we accept
        }
    }
}
