package dev.waypoint.app.lti;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.FixedClockConfiguration;
import dev.waypoint.core.lti.CanvasCloud;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A Moodle-like LTI 1.3 platform for tests: its own RSA key and JWKS (served by WireMock at Moodle's
 * {@code /mod/lti/certs.php}), and a signer that mints id_tokens with exactly the claims the recorded
 * Moodle 4.5 launch carries (full role URIs, AGS line items with {@code ?type_id=}, NRPS, a 60 s life).
 */
public final class PlatformSimulator implements AutoCloseable {

    public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final String issuer;
    private final String clientId;
    private final String deploymentId;
    private RSAKey key;
    private String registrationId;
    private String authorizationEndpoint;

    public PlatformSimulator() {
        this(null, "client-" + UUID.randomUUID().toString().substring(0, 8), "1");
    }

    /**
     * A customer of Instructure's hosted Canvas: the issuer every Canvas cloud customer shares, its own
     * client id (a developer key) and a deployment id shaped like Canvas's ({@code <id>:<hash>}).
     */
    public static PlatformSimulator canvasCustomer(String clientId, String deploymentId) {
        return new PlatformSimulator(CanvasCloud.ISSUER, clientId, deploymentId);
    }

    private PlatformSimulator(String issuer, String clientId, String deploymentId) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.deploymentId = deploymentId;
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        key = newKey("sim-" + UUID.randomUUID().toString().substring(0, 8));
        serveKeys(key);
    }

    /** Registers this platform with the tool through the admin API. */
    public PlatformSimulator registerWith(int toolPort) {
        return registerWith(toolPort, "default");
    }

    /** Registers this platform with the tool for one of its tenants. */
    public PlatformSimulator registerWith(int toolPort, String tenant) {
        String auth = authorizationEndpoint != null ? authorizationEndpoint : base() + "/mod/lti/auth.php";
        ApiClient api = new ApiClient(toolPort);
        ApiClient.Answer answer = api.postJson("/api/v1/lti/registrations", """
                {"issuer":"%s","clientId":"%s","authorizationEndpoint":"%s","tenant":"%s",
                 "tokenEndpoint":"%s/mod/lti/token.php","jwksUri":"%s/mod/lti/certs.php","deploymentIds":["%s"]}
                """.formatted(issuer(), clientId, auth, tenant, base(), base(), deploymentId));
        if (answer.status() != 201) {
            throw new IllegalStateException("registration refused: " + answer.raw());
        }
        registrationId = answer.body().path("id").asText();
        return this;
    }

    /** Sends browsers' authentication requests to pages that mint real id_tokens; call before registering. */
    public void authorizeAt(String endpoint) {
        this.authorizationEndpoint = endpoint;
    }

    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Moodle's issuer is its wwwroot; Canvas cloud's is shared by all its customers. */
    public String issuer() {
        return issuer != null ? issuer : base();
    }

    public String clientId() {
        return clientId;
    }

    public String deploymentId() {
        return deploymentId;
    }

    public String registrationId() {
        return registrationId;
    }

    public WireMockServer wireMock() {
        return server;
    }

    public RSAKey key() {
        return key;
    }

    /** Replaces the platform's key: the JWKS now holds only the new one (a platform rolling its key). */
    public RSAKey rotateKey() {
        key = newKey("sim-" + UUID.randomUUID().toString().substring(0, 8));
        serveKeys(key);
        return key;
    }

    /** The claims of the recorded Moodle launch, pointed at this platform, the tool and the given nonce. */
    public Map<String, Object> launchClaims(String nonce, String toolLaunchUrl, String sub, String role) {
        Map<String, Object> claims = personal(fixtureClaims(), nonce, toolLaunchUrl, sub, role, 60);
        claims.put("email", sub + "@example.com");
        claims.put("name", "Learner " + sub);
        rebase(claims, "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint");
        rebase(claims, "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice");
        return claims;
    }

    /**
     * The claims of a Canvas launch as Canvas's LTI documentation shows them (no Canvas runs here), for
     * this customer: its client id as aud and azp, its deployment, and the given nonce, sub and role.
     */
    public Map<String, Object> canvasLaunchClaims(String nonce, String toolLaunchUrl, String sub, String role) {
        Map<String, Object> claims = personal(claimsOf("/lti/canvas/lti-id_token.json"), nonce, toolLaunchUrl, sub, role, 3600);
        claims.put("azp", clientId);
        claims.put("email", sub + "@school.example");
        return claims;
    }

    private Map<String, Object> personal(Map<String, Object> claims, String nonce, String toolLaunchUrl, String sub,
                                         String role, long lifeSeconds) {
        Instant now = FixedClockConfiguration.NOW;
        claims.put("iss", issuer());
        claims.put("aud", clientId);
        claims.put("nonce", nonce);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + lifeSeconds);
        claims.put("sub", sub);
        claims.put("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role));
        claims.put("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", toolLaunchUrl);
        claims.put("https://purl.imsglobal.org/spec/lti/claim/deployment_id", deploymentId);
        return claims;
    }

    public String sign(Map<String, Object> claims) {
        return sign(claims, key, JWSAlgorithm.RS256);
    }

    public static String sign(Map<String, Object> claims, RSAKey signingKey, JWSAlgorithm alg) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(signingKey.getKeyID()).type(JOSEObjectType.JWT).build(),
                    JWTClaimsSet.parse(claims));
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> with(Map<String, Object> claims, Consumer<Map<String, Object>> change) {
        Map<String, Object> copy = new LinkedHashMap<>(claims);
        change.accept(copy);
        return copy;
    }

    private void rebase(Map<String, Object> claims, String name) {
        String json;
        try {
            json = JSON.writeValueAsString(claims.get(name)).replace("http://127.0.0.1:8700", base());
            claims.put(name, JSON.readValue(json, new TypeReference<Map<String, Object>>() { }));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> fixtureClaims() {
        return claimsOf("/lti/moodle-4.5/lti-id_token.decoded.json");
    }

    private static Map<String, Object> claimsOf(String resource) {
        try (InputStream in = PlatformSimulator.class.getResourceAsStream(resource)) {
            JsonNode root = JSON.readTree(in);
            return JSON.convertValue(root.path("id_token_claims"), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void serveKeys(RSAKey current) {
        server.stubFor(get(urlPathEqualTo("/mod/lti/certs.php")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(current.toPublicJWK()).toString())));
    }

    @Override
    public void close() {
        server.stop();
    }
}
