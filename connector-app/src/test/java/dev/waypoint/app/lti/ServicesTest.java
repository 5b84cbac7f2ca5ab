package dev.waypoint.app.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.waypoint.app.support.ApiClient;
import dev.waypoint.core.writeback.WriteBackDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LTI Advantage services against the simulated Moodle: the client-credentials token with our signed
 * assertion, AGS line item found or created once and reused, scores through the write-back outbox,
 * and the NRPS roster read across pages for the instructor's course view.
 */
@LtiServerTest
class ServicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port = LtiServerTest.Port.PORT;
    private PlatformSimulator platform;
    private ToolBrowser browser;
    private ApiClient api;

    @Autowired
    WriteBackDispatcher writeBack;

    @BeforeEach
    void setUp() throws Exception {
        platform = new PlatformSimulator().registerWith(port);
        browser = new ToolBrowser(port);
        api = new ApiClient(port);
        WireMock mock = new WireMock(platform.wireMock().port());
        mock.register(post(urlPathEqualTo("/mod/lti/token.php")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(fixture("lti-token.success.json").path("body").toString())));
        String lineItems = fixture("lti-ags.lineitems.json").path("body").toString().replace("http://127.0.0.1:8700", platform.base());
        mock.register(get(urlEqualTo("/mod/lti/services.php/2/lineitems?type_id=1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/vnd.ims.lis.v2.lineitemcontainer+json")
                .withHeader("Link", "<" + platform.base() + "/mod/lti/services.php/2/lineitems?type_id=1&page=2>; rel=\"next\"")
                .withBody(lineItems)));
        mock.register(get(urlEqualTo("/mod/lti/services.php/2/lineitems?type_id=1&page=2")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/vnd.ims.lis.v2.lineitemcontainer+json").withBody("[]")));
        lineItemFor(mock, "analytics.senior-analyst", 9);
        lineItemFor(mock, "product.associate-pm", 10);
        mock.register(post(urlPathEqualTo("/mod/lti/services.php/2/lineitems/9/lineitem/scores")).willReturn(aResponse().withStatus(200)));
        mock.register(post(urlPathEqualTo("/mod/lti/services.php/2/lineitems/10/lineitem/scores")).willReturn(aResponse().withStatus(200)));
    }

    /** Moodle answers a created line item with its URL, which carries the ?type_id= of the container. */
    private void lineItemFor(WireMock mock, String roleId, int id) {
        mock.register(post(urlEqualTo("/mod/lti/services.php/2/lineitems?type_id=1"))
                .withRequestBody(containing("\"tag\":\"waypoint-readiness:" + roleId + "\""))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/vnd.ims.lis.v2.lineitem+json")
                        .withBody("""
                                {"id":"%s/mod/lti/services.php/2/lineitems/%d/lineitem?type_id=1","label":"Readiness",
                                 "scoreMaximum":100,"tag":"waypoint-readiness:%s","resourceId":"%s"}
                                """.formatted(platform.base(), id, roleId, roleId))));
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void readinessIsWrittenAsAnAgsScoreOnALineItemCreatedOnceAndReused() throws Exception {
        String sub = "ags-" + UUID.randomUUID();
        person(sub, "analytics.analyst");
        assertThat(launch(sub, PlatformSimulator.LEARNER).status()).isEqualTo(200);

        writeBack.deliverDue(500);

        List<LoggedRequest> scores = scorePosts();
        assertThat(scores).hasSize(1);
        LoggedRequest first = scores.get(0);
        assertThat(first.getUrl()).isEqualTo("/mod/lti/services.php/2/lineitems/9/lineitem/scores?type_id=1");
        assertThat(first.getHeader("Content-Type")).startsWith("application/vnd.ims.lis.v1.score+json");
        assertThat(first.getHeader("Authorization")).isEqualTo("Bearer a8f8f1c0abf69acff50a535f0015ddcc");
        JsonNode body = JSON.readTree(first.getBodyAsString());
        assertThat(body.path("userId").asText()).isEqualTo(sub);
        assertThat(body.path("scoreGiven").asInt()).isEqualTo(5);
        assertThat(body.path("scoreMaximum").asInt()).isEqualTo(100);
        assertThat(body.path("gradingProgress").asText()).isEqualTo("FullyGraded");
        assertThat(body.path("comment").asText()).startsWith("Readiness 5/100 (developing).").contains("Next: ");

        // One line item per target role: the next level and the lateral move of an analyst.
        List<LoggedRequest> created = platform.wireMock().findAll(postRequestedFor(urlEqualTo("/mod/lti/services.php/2/lineitems?type_id=1")));
        assertThat(created).hasSize(2);
        JsonNode lineItem = JSON.readTree(created.get(0).getBodyAsString());
        assertThat(lineItem.path("label").asText()).startsWith("Readiness: ");
        assertThat(lineItem.path("scoreMaximum").asInt()).isEqualTo(100);

        // New evidence changes readiness: a second score, on the same line item, with a later timestamp.
        ApiClient.Answer badge = api.postJson("/api/v1/evidence", """
                {"identities":[{"kind":"email","value":"%s@example.com"}],"kind":"badge","object":"moodle:badge:1",
                 "occurredAt":"2026-05-20T00:00:00Z","source":"moodle","externalId":"badge-%s"}""".formatted(sub, sub));
        assertThat(badge.status()).as(badge.raw()).isEqualTo(201);
        writeBack.deliverDue(500);

        List<LoggedRequest> after = scorePosts();
        assertThat(after).hasSize(2);
        JsonNode second = JSON.readTree(after.get(1).getBodyAsString());
        assertThat(second.path("scoreGiven").asInt()).isEqualTo(15);
        assertThat(Instant.parse(second.path("timestamp").asText())).isAfter(Instant.parse(body.path("timestamp").asText()));
        assertThat(platform.wireMock().findAll(postRequestedFor(urlEqualTo("/mod/lti/services.php/2/lineitems?type_id=1")))).hasSize(2);
        assertThat(platform.wireMock().findAll(postRequestedFor(urlPathEqualTo("/mod/lti/token.php")))).hasSize(1);
    }

    @Test
    void theTokenRequestCarriesAnAssertionSignedWithTheToolsKey() throws Exception {
        String sub = "token-" + UUID.randomUUID();
        person(sub, "analytics.analyst");
        launch(sub, PlatformSimulator.LEARNER);
        writeBack.deliverDue(500);

        List<LoggedRequest> tokenRequests = platform.wireMock().findAll(postRequestedFor(urlPathEqualTo("/mod/lti/token.php")));
        assertThat(tokenRequests).hasSize(1);
        String form = tokenRequests.get(0).getBodyAsString();
        assertThat(param(form, "grant_type")).isEqualTo("client_credentials");
        assertThat(param(form, "client_assertion_type")).isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        assertThat(param(form, "scope")).contains("https://purl.imsglobal.org/spec/lti-ags/scope/score");
        SignedJWT assertion = SignedJWT.parse(param(form, "client_assertion"));
        assertThat(assertion.getHeader().getKeyID()).isNotBlank();
        RSAKey toolKey = (RSAKey) JWKSet.parse(browser.get("/.well-known/jwks.json").body())
                .getKeyByKeyId(assertion.getHeader().getKeyID());
        assertThat(assertion.verify(new RSASSAVerifier(toolKey))).isTrue();
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo(platform.clientId());
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(platform.clientId());
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(platform.base() + "/mod/lti/token.php");
        assertThat(assertion.getJWTClaimsSet().getJWTID()).isNotBlank();
    }

    @Test
    void theInstructorSeesTheWholeRosterReadAcrossNrpsPages() throws Exception {
        JsonNode memberships = fixture("lti-nrps.memberships.json").path("body");
        List<JsonNode> members = new ArrayList<>();
        memberships.path("members").forEach(members::add);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String firstPage = page(memberships, members.subList(0, 3), suffix);
        String secondPage = page(memberships, members.subList(3, members.size()), suffix);
        WireMock mock = new WireMock(platform.wireMock().port());
        mock.register(get(urlEqualTo("/mod/lti/services.php/CourseSection/2/bindings/1/memberships"))
                .withHeader("Accept", equalTo("application/vnd.ims.lti-nrps.v2.membershipcontainer+json"))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Link", "<" + platform.base() + "/mod/lti/services.php/CourseSection/2/bindings/1/memberships?page=2>; rel=\"next\"")
                        .withBody(firstPage)));
        mock.register(get(urlEqualTo("/mod/lti/services.php/CourseSection/2/bindings/1/memberships?page=2"))
                .willReturn(aResponse().withStatus(200).withBody(secondPage)));

        ToolBrowser.Page page = launch("teacher-" + suffix, PlatformSimulator.INSTRUCTOR);

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        // Five learners in the roster (Tina is the instructor): Alice..Carla on page 1, Emma and Dev on page 2.
        assertThat(page.body()).contains("Alice Anderson", "Bob Brooks", "Carla Chen", "Emma Evans", "Dev Patel")
                .doesNotContain("Tina Teacher");
    }

    private static String page(JsonNode container, List<JsonNode> members, String suffix) {
        StringBuilder list = new StringBuilder();
        for (JsonNode member : members) {
            list.append(list.length() == 0 ? "" : ",").append(member.toString()
                    .replace("\"user_id\":\"", "\"user_id\":\"" + suffix + "-")
                    .replace("@example.com", "-" + suffix + "@example.com"));
        }
        return "{\"id\":" + container.path("id") + ",\"context\":" + container.path("context") + ",\"members\":[" + list + "]}";
    }

    private List<LoggedRequest> scorePosts() {
        return platform.wireMock().findAll(postRequestedFor(urlPathEqualTo("/mod/lti/services.php/2/lineitems/9/lineitem/scores")));
    }

    private void person(String sub, String role) {
        ApiClient.Answer person = api.postJson("/api/v1/people", """
                {"identities":[{"kind":"email","value":"%s@example.com"}],"displayName":"Dev Patel","currentRole":"%s"}
                """.formatted(sub, role));
        assertThat(person.status()).as(person.raw()).isEqualTo(201);
        api.postJson("/api/v1/evidence", """
                {"identities":[{"kind":"email","value":"%s@example.com"}],"kind":"course_completion",
                 "object":"moodle:course:SQLF101","occurredAt":"2026-06-01T00:00:00Z","source":"moodle","externalId":"c-%s"}
                """.formatted(sub, sub));
    }

    private ToolBrowser.Page launch(String sub, String role) {
        ToolBrowser.Login login = browser.login(platform);
        return browser.launch(platform.sign(platform.launchClaims(login.nonce(), browser.launchUrl(), sub, role)), login.state());
    }

    private static String param(String form, String name) {
        for (String pair : form.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static JsonNode fixture(String name) throws Exception {
        try (InputStream in = ServicesTest.class.getResourceAsStream("/lti/moodle-4.5/" + name)) {
            return JSON.readTree(in);
        }
    }
}
