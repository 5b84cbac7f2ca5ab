package dev.waypoint.canvas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;

/**
 * Verifies signed Live Events: with payload signing on, Canvas sends each event as a JWT (RFC 7519,
 * JWS RS256) signed with a key published in Canvas's JWKS (e.g. {@code https://sso.canvaslms.com/api/lti/security/jwks}).
 * The key set is fetched with OkHttp, kept, and fetched again when an event names a key it does not hold
 * (Canvas rotates keys), at most once a minute.
 */
public final class CanvasLiveEventSignature {


    private final String jwksUrl;
    private final OkHttpClient http;
    private final ObjectMapper json;
    private final Duration refetchAtMostEvery;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private JWKSet keys;
    private long fetchedAtNanos;

    public CanvasLiveEventSignature(String jwksUrl, OkHttpClient http, ObjectMapper json) {
        this(jwksUrl, http, json, Duration.ofMinutes(1));
    }

    /** {@code refetchAtMostEvery} bounds how often an unknown key id makes us fetch the key set again. */
    public CanvasLiveEventSignature(String jwksUrl, OkHttpClient http, ObjectMapper json, Duration refetchAtMostEvery) {
        this.refetchAtMostEvery = refetchAtMostEvery;
        this.jwksUrl = jwksUrl;
        this.http = http;
        this.json = json;
        JWKSource<SecurityContext> source = (selector, context) -> {
            List<JWK> found = selector.select(keys(false));
            return found.isEmpty() ? selector.select(keys(true)) : found;
        };
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source));
    }

    /** The event the JWT carries, as JSON; a bad signature, an unknown key or an expired token is refused. */
    public String verifiedPayload(String compactJwt) {
        try {
            JWTClaimsSet claims = processor.process(compactJwt.trim(), null);
            return json.writeValueAsString(claims.toJSONObject());
        } catch (ParseException e) {
            throw new CanvasLiveEventRejected("body", "signing is on for this tenant: the body must be a JWT signed by Canvas");
        } catch (Exception e) {
            throw new CanvasLiveEventRejected("signature", "the Live Event's signature does not verify: " + e.getMessage());
        }
    }

    private synchronized JWKSet keys(boolean unknownKey) throws com.nimbusds.jose.KeySourceException {
        boolean stale = keys == null || (unknownKey && System.nanoTime() - fetchedAtNanos > refetchAtMostEvery.toNanos());
        if (stale) {
            try (Response response = http.newCall(new Request.Builder().url(jwksUrl).build()).execute()) {
                if (!response.isSuccessful() || response.body() == null) {
                    throw new com.nimbusds.jose.KeySourceException("Canvas JWKS answered HTTP " + response.code());
                }
                keys = JWKSet.parse(response.body().string());
                fetchedAtNanos = System.nanoTime();
            } catch (IOException | ParseException e) {
                if (keys == null) {
                    throw new com.nimbusds.jose.KeySourceException("Canvas JWKS unreadable: " + e.getMessage(), e);
                }
            }
        }
        return keys;
    }
}
