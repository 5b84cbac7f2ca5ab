package dev.waypoint.core.lti;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.Test;

import java.security.interfaces.RSAPublicKey;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationKeysTest {

    private final VerificationKeys keys = new VerificationKeys();

    @Test
    void selectsOnlyTheKeyTheHeaderNames() throws Exception {
        RSAKey current = new RSAKeyGenerator(2048).keyID("2026-06").keyUse(KeyUse.SIGNATURE).generate();
        RSAKey previous = new RSAKeyGenerator(2048).keyID("2026-01").keyUse(KeyUse.SIGNATURE).generate();
        var source = new ImmutableJWKSet<SecurityContext>(new JWKSet(List.of(previous.toPublicJWK(), current.toPublicJWK())));

        List<RSAPublicKey> selected = keys.select(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("2026-06").build(), source);

        assertThat(selected).containsExactly(current.toRSAPublicKey());
    }

    @Test
    void skipsEncryptionKeysAndUnknownKids() throws Exception {
        RSAKey encryption = new RSAKeyGenerator(2048).keyID("enc").keyUse(KeyUse.ENCRYPTION).generate();
        var source = new ImmutableJWKSet<SecurityContext>(new JWKSet(encryption.toPublicJWK()));

        assertThat(keys.select(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("enc").build(), source)).isEmpty();
        assertThat(keys.select(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("other").build(), source)).isEmpty();
    }

    @Test
    void convertsEachPlatformKeyOnceAcrossLaunches() throws Exception {
        RSAKey platform = new RSAKeyGenerator(2048).keyID("k1").generate();
        var source = new ImmutableJWKSet<SecurityContext>(new JWKSet(platform.toPublicJWK()));
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build();

        RSAPublicKey first = keys.select(header, source).get(0);
        RSAPublicKey second = keys.select(header, source).get(0);

        assertThat(second).isSameAs(first);
    }
}
