package dev.waypoint.app.canvas;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.waypoint.app.support.ServerTest;
import dev.waypoint.canvas.CanvasAgsTokens;
import dev.waypoint.canvas.CanvasStubs;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One server for the Canvas tests, talking to one stubbed Canvas: tenant {@code default} with a REST
 * token and a Live Events secret (signing off), tenant {@code signed} with Canvas's JWKS (signing on).
 */
@ServerTest
@Import(CanvasServer.GivenAgsToken.class)
abstract class CanvasServer {

    static final String AGS_TOKEN = "ags-token-from-the-test";

    /** The AGS token the LTI service token source will provide; here given by the test. */
    @TestConfiguration
    static class GivenAgsToken {
        @Bean
        CanvasAgsTokens givenAgsToken() {
            return (tenant, scopes) -> AGS_TOKEN;
        }
    }

    static final WireMockServer CANVAS = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    static final String LIVE_EVENTS_SECRET = "live-events-secret-42";
    static final String JWKS_PATH = "/api/lti/security/jwks";
    static final RSAKey CANVAS_KEY;

    static {
        CANVAS.start();
        try {
            CANVAS_KEY = new RSAKeyGenerator(2048).keyID("canvas-2026").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void canvas(DynamicPropertyRegistry registry) {
        registry.add("waypoint.canvas.tenants.default.base-url", CANVAS::baseUrl);
        registry.add("waypoint.canvas.tenants.default.access-token", () -> "canvas-admin-token");
        registry.add("waypoint.canvas.tenants.default.retry-backoff", () -> "10ms");
        registry.add("waypoint.canvas.tenants.default.max-attempts", () -> "2");
        registry.add("waypoint.canvas.tenants.default.live-events-secret", () -> LIVE_EVENTS_SECRET);
        registry.add("waypoint.canvas.tenants.default.write-back-course-id", () -> "900");
        registry.add("waypoint.canvas.tenants.default.path-module", () -> "true");
        registry.add("waypoint.canvas.tenants.signed.base-url", CANVAS::baseUrl);
        registry.add("waypoint.canvas.tenants.signed.access-token", () -> "canvas-admin-token-2");
        registry.add("waypoint.canvas.tenants.signed.live-events-jwks-url", () -> CANVAS.baseUrl() + JWKS_PATH);
    }

    /**
     * A fresh Canvas with courses 205 (module requirements, two pages) and 210 (none); the other courses the
     * sample taxonomy maps have nobody enrolled.
     */
    static void canvasWithTwoCourses() {
        CANVAS.resetAll();
        CANVAS.stubFor(get(urlPathMatching("/api/v1/courses/\\d+/.*")).atPriority(10).willReturn(okJson("[]")));
        CanvasStubs.courseWithRequirements(CANVAS, "205");
        CanvasStubs.courseWithoutRequirements(CANVAS, "210");
    }

    static void publishCanvasKeys() {
        CANVAS.stubFor(get(JWKS_PATH).willReturn(okJson(new JWKSet(CANVAS_KEY.toPublicJWK()).toString())));
    }
}
