package dev.waypoint.canvas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.waypoint.canvas.CanvasApiBodies.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signed Live Events: verified against Canvas's JWKS, refetched when Canvas rotates its key. */
class CanvasLiveEventSignatureTest {

    private static final String JWKS = "/api/lti/security/jwks";

    private WireMockServer canvas;
    private CanvasLiveEventSignature signature;

    @BeforeEach
    void start() {
        canvas = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        canvas.start();
        signature = new CanvasLiveEventSignature(canvas.baseUrl() + JWKS, new OkHttpClient(), new ObjectMapper(),
                java.time.Duration.ZERO);
    }

    @AfterEach
    void stop() {
        canvas.stop();
    }

    static RSAKey key(String kid) throws Exception {
        return new RSAKeyGenerator(2048).keyID(kid).generate();
    }

    static String sign(RSAKey key, String eventJson) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = new ObjectMapper().readValue(eventJson, Map.class);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                JWTClaimsSet.parse(claims));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private void publish(RSAKey... keys) {
        JWKSet set = new JWKSet(java.util.Arrays.stream(keys).map(RSAKey::toPublicJWK).map(k -> (com.nimbusds.jose.jwk.JWK) k).toList());
        canvas.stubFor(get(JWKS).willReturn(okJson(set.toString())));
    }

    @Test
    void aSignedEventVerifiesAndYieldsTheEvent() throws Exception {
        RSAKey key = key("2026-05-01");
        publish(key);

        String payload = signature.verifiedPayload(sign(key, body("live-event-course-completed.json")));

        assertThat(new ObjectMapper().readTree(payload).path("metadata").path("event_name").asText()).isEqualTo("course_completed");
    }

    @Test
    void anEventSignedWithAnotherKeyIsRefused() throws Exception {
        publish(key("2026-05-01"));
        RSAKey forged = key("2026-05-01");

        assertThatThrownBy(() -> signature.verifiedPayload(sign(forged, body("live-event-course-completed.json"))))
                .isInstanceOfSatisfying(CanvasLiveEventRejected.class, e -> assertThat(e.field()).isEqualTo("signature"));
    }

    @Test
    void anUnsignedBodyIsRefusedWhenSigningIsOn() throws Exception {
        publish(key("k"));

        assertThatThrownBy(() -> signature.verifiedPayload(body("live-event-course-completed.json")))
                .isInstanceOfSatisfying(CanvasLiveEventRejected.class, e -> assertThat(e.field()).isEqualTo("body"));
    }

    @Test
    void aRotatedKeyIsFetchedWhenAnEventNamesIt() throws Exception {
        RSAKey old = key("old");
        publish(old);
        signature.verifiedPayload(sign(old, body("live-event-course-progress.json")));
        RSAKey rotated = key("new");
        publish(old, rotated);

        signature.verifiedPayload(sign(rotated, body("live-event-course-progress.json")));

        canvas.verify(2, getRequestedFor(urlPathEqualTo(JWKS)));
    }
}
