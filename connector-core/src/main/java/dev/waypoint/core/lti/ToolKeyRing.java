package dev.waypoint.core.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rules of the tool's keys (LTI Security Framework 1.0 §6.2 "Key rotation" and §6.3 "Key set URL"):
 * a 2048-bit RSA key is made on first use; once the signing key is older than {@code rotateEvery} a new
 * one takes over; a retired key stays in the published set for {@code retiredKeyKept} (longer than any
 * token we sign lives, and than platforms cache our set) so tokens it signed still verify, then goes.
 */
public final class ToolKeyRing {

    private final ToolKeyStore store;
    private final Clock clock;
    private final Duration rotateEvery;
    private final Duration retiredKeyKept;

    public ToolKeyRing(ToolKeyStore store, Clock clock, Duration rotateEvery, Duration retiredKeyKept) {
        this.store = store;
        this.clock = clock;
        this.rotateEvery = rotateEvery;
        this.retiredKeyKept = retiredKeyKept;
    }

    /** The key that signs now; made when there is none. */
    public synchronized RSAKey signingKey() {
        return store.all().stream().filter(k -> k.retiredAt() == null).findFirst()
                .map(ToolKeyRing::parse).orElseGet(this::generate);
    }

    /** Retires the signing key when it is due and drops retired keys kept long enough; true when rotated. */
    public synchronized boolean rotateIfDue() {
        Instant now = clock.instant();
        boolean rotated = false;
        List<ToolKey> keys = store.all();
        ToolKey current = keys.stream().filter(k -> k.retiredAt() == null).findFirst().orElse(null);
        if (current == null || !current.createdAt().plus(rotateEvery).isAfter(now)) {
            if (current != null) {
                store.retire(current.kid(), now);
            }
            generate();
            rotated = true;
        }
        for (ToolKey key : keys) {
            if (key.retiredAt() != null && !key.retiredAt().plus(retiredKeyKept).isAfter(now)) {
                store.delete(key.kid());
            }
        }
        return rotated;
    }

    /** The public keys to publish: the signing key and the retired ones still kept. */
    public synchronized JWKSet publicKeys() {
        signingKey();
        List<com.nimbusds.jose.jwk.JWK> published = new ArrayList<>();
        for (ToolKey key : store.all()) {
            published.add(parse(key).toPublicJWK());
        }
        return new JWKSet(published);
    }

    private RSAKey generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
            store.add(new ToolKey(key.getKeyID(), key.toJSONString(), clock.instant(), null));
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static RSAKey parse(ToolKey key) {
        try {
            return RSAKey.parse(key.privateJwk());
        } catch (ParseException e) {
            throw new IllegalStateException("stored key " + key.kid() + " is not an RSA JWK", e);
        }
    }
}
