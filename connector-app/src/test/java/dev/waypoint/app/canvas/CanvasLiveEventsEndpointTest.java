package dev.waypoint.app.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.ApiClient.Answer;
import dev.waypoint.app.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static dev.waypoint.canvas.CanvasApiBodies.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /canvas/live-events} as Canvas calls it: no admin token, the tenant's secret or Canvas's
 * signature instead; evidence exists when the answer arrives; a redelivery is a duplicate.
 */
@ServerTest
class CanvasLiveEventsEndpointTest extends CanvasServer {

    @LocalServerPort
    int port;

    private ApiClient api;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        publishCanvasKeys();
    }

    /** A course_completed for a learner no other test knows, so each test starts from nothing. */
    private String completion(String canvasUserId, String course) {
        return body("live-event-course-completed.json")
                .replace("\"21070000000000101\"", "\"2107000" + canvasUserId + "\"")
                .replace("\"id\": \"101\"", "\"id\": \"" + canvasUserId + "\"")
                .replace("\"E-1001\"", "\"E-" + canvasUserId + "\"")
                .replace("ada@example.edu", canvasUserId + "@example.edu")
                .replace("ada.lovelace@example.edu", canvasUserId + ".l@example.edu")
                .replace("\"id\": \"205\"", "\"id\": \"" + course + "\"");
    }

    private static String newUserId() {
        return String.valueOf(100_000 + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFFF));
    }

    private Answer post(String query, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/canvas/live-events" + query))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), parsed, response.body());
    }

    private JsonNode evidenceOf(String canvasUserId) {
        Answer people = api.get("/api/v1/people?limit=500");
        for (JsonNode person : people.body().path("items")) {
            if (person.path("identities").toString().contains("\"canvas_user_id\",\"value\":\"" + canvasUserId + "\"")) {
                return api.get("/api/v1/people/" + person.path("id").asText() + "/evidence").body();
            }
        }
        return json.createArrayNode();
    }

    @Test
    void aCompletionWithTheTenantsSecretIsEvidenceWhenTheAnswerArrives() throws Exception {
        String user = newUserId();

        Answer answer = post("", completion(user, "205"), Map.of("X-Canvas-Live-Events-Secret", LIVE_EVENTS_SECRET));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().path("events").get(0).path("outcome").asText()).isEqualTo("stored");
        assertThat(evidenceOf(user).toString()).contains("canvas:course:205", "course:205:user:" + user + ":completed");
    }

    @Test
    void theSameEventDeliveredAgainIsADuplicateAndStoredOnce() throws Exception {
        String user = newUserId();
        String event = completion(user, "205");
        post("?secret=" + LIVE_EVENTS_SECRET, event, Map.of());

        Answer again = post("?secret=" + LIVE_EVENTS_SECRET, event, Map.of());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("events").get(0).path("outcome").asText()).isEqualTo("duplicate");
        assertThat(evidenceOf(user)).hasSize(1);
    }

    @Test
    void aCompletionOfACourseTheTaxonomyDoesNotMapIsCountedNotStored() throws Exception {
        String user = newUserId();

        Answer answer = post("", completion(user, "999"), Map.of("X-Canvas-Live-Events-Secret", LIVE_EVENTS_SECRET));

        assertThat(answer.body().path("events").get(0).path("outcome").asText()).isEqualTo("not_mapped");
        assertThat(evidenceOf(user)).isEmpty();
    }

    @Test
    void aWrongOrMissingSecretIsRefusedAndNothingIsStored() throws Exception {
        String user = newUserId();

        Answer wrong = post("", completion(user, "205"), Map.of("X-Canvas-Live-Events-Secret", "guess"));
        Answer missing = post("", completion(user, "205"), Map.of());

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(wrong.raw()).contains("secret").doesNotContain(LIVE_EVENTS_SECRET);
        assertThat(evidenceOf(user)).isEmpty();
    }

    @Test
    void anUnsupportedEventIsABadRequestNamingTheField() throws Exception {
        String event = completion(newUserId(), "205").replace("\"course_completed\"", "\"wiki_page_created\"");

        Answer answer = post("", event, Map.of("X-Canvas-Live-Events-Secret", LIVE_EVENTS_SECRET));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(answer.raw()).contains("metadata.event_name", "wiki_page_created");
    }

    @Test
    void aCaliperGradeEventIsTakenIn() throws Exception {
        Answer answer = post("", body("caliper-grade-event.json"), Map.of("X-Canvas-Live-Events-Secret", LIVE_EVENTS_SECRET));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().path("events").get(0).path("outcome").asText()).isIn("stored", "duplicate");
        assertThat(evidenceOf("101").toString()).contains("canvas:assignment:1104");
    }

    @Test
    void aSignedEventIsVerifiedAgainstCanvasKeysOnASigningTenant() throws Exception {
        String user = newUserId();

        Answer signed = post("?tenant=signed", sign(CANVAS_KEY, completion(user, "205")), Map.of());

        assertThat(signed.status()).as(signed.raw()).isEqualTo(200);
        assertThat(signed.body().path("events").get(0).path("outcome").asText()).isEqualTo("stored");
    }

    @Test
    void aSignedCaliperEnvelopeIsVerifiedAndTakenInOnASigningTenant() throws Exception {
        Answer signed = post("?tenant=signed", sign(CANVAS_KEY, body("caliper-grade-event.json")), Map.of());

        assertThat(signed.status()).as(signed.raw()).isEqualTo(200);
        assertThat(signed.body().path("events").get(0).path("eventName").asText()).isEqualTo("GradeEvent/Graded");
        assertThat(signed.body().path("events").get(0).path("outcome").asText()).isIn("stored", "duplicate");
    }

    @Test
    void aSigningTenantRefusesForgedAndUnsignedEvents() throws Exception {
        RSAKey forger = new RSAKeyGenerator(2048).keyID(CANVAS_KEY.getKeyID()).generate();
        String user = newUserId();

        Answer forged = post("?tenant=signed", sign(forger, completion(user, "205")), Map.of());
        Answer unsigned = post("?tenant=signed", completion(user, "205"), Map.of("X-Canvas-Live-Events-Secret", LIVE_EVENTS_SECRET));

        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.raw()).contains("signature");
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(evidenceOf(user)).isEmpty();
    }

    @Test
    void aTenantWithoutCanvasIsForbidden() throws Exception {
        assertThat(post("?tenant=nowhere", completion(newUserId(), "205"), Map.of()).status()).isEqualTo(403);
    }

    private static String sign(RSAKey key, String eventJson) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = new ObjectMapper().readValue(eventJson, Map.class);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                JWTClaimsSet.parse(claims));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
