package dev.waypoint.app.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.waypoint.core.lti.Registration;
import dev.waypoint.core.lti.RegistrationRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installing Waypoint by one URL (LTI Dynamic Registration 1.0), as Moodle does it (deployment id in
 * the answer) and as Canvas does it (client id only, deployments learned at launch), and Canvas's
 * developer-key JSON.
 */
@LtiServerTest
class DynamicRegistrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port = LtiServerTest.Port.PORT;
    private final String tool = "http://localhost:" + port;
    private PlatformSimulator platform;
    private ToolBrowser browser;
    private WireMock mock;

    @Autowired
    RegistrationRepository registrations;

    @BeforeEach
    void setUp() {
        platform = new PlatformSimulator();
        browser = new ToolBrowser(port);
        mock = new WireMock(platform.wireMock().port());
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void moodleRegistersTheToolAndNamesTheDeployment() throws Exception {
        String openid = fixture("lti-openid-configuration.json").toString().replace("http://127.0.0.1:8700", platform.base());
        mock.register(get(urlPathEqualTo("/mod/lti/openid-configuration.php")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(openid)));
        String clientId = "moodle-" + UUID.randomUUID().toString().substring(0, 8);
        mock.register(post(urlPathEqualTo("/mod/lti/openid-registration.php")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"client_id":"%s","response_types":["id_token"],"jwks_uri":"%s/.well-known/jwks.json",
                         "initiate_login_uri":"%s/lti/login","grant_types":["client_credentials","implicit"],
                         "redirect_uris":["%s/lti/launch"],"application_type":"web","token_endpoint_auth_method":"private_key_jwt",
                         "client_name":"Waypoint","scope":"https://purl.imsglobal.org/spec/lti-ags/scope/score",
                         "https://purl.imsglobal.org/spec/lti-tool-configuration":{"version":"1.3.0","deployment_id":"7",
                           "target_link_uri":"%s/lti/launch","domain":"localhost:%d","claims":["iss","sub","name","email"]}}
                        """.formatted(clientId, tool, tool, tool, tool, port))));

        ToolBrowser.Page page = browser.get("/lti/register?openid_configuration="
                + platform.base() + "/mod/lti/openid-configuration.php&registration_token=one-time-token");

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("org.imsglobal.lti.close", clientId);
        LoggedRequest request = platform.wireMock().findAll(postRequestedFor(urlPathEqualTo("/mod/lti/openid-registration.php"))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer one-time-token");
        JsonNode sent = JSON.readTree(request.getBodyAsString());
        assertThat(sent.path("response_types").toString()).isEqualTo("[\"id_token\"]");
        assertThat(sent.path("token_endpoint_auth_method").asText()).isEqualTo("private_key_jwt");
        assertThat(sent.path("initiate_login_uri").asText()).isEqualTo(tool + "/lti/login");
        assertThat(sent.path("redirect_uris").toString()).isEqualTo("[\"" + tool + "/lti/launch\"]");
        assertThat(sent.path("jwks_uri").asText()).isEqualTo(tool + "/.well-known/jwks.json");
        assertThat(sent.path("scope").asText()).contains("https://purl.imsglobal.org/spec/lti-ags/scope/score",
                "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
        JsonNode lti = sent.path("https://purl.imsglobal.org/spec/lti-tool-configuration");
        assertThat(lti.path("domain").asText()).isEqualTo("localhost:" + port);
        assertThat(lti.path("target_link_uri").asText()).isEqualTo(tool + "/lti/launch");
        assertThat(lti.path("claims").toString()).contains("\"name\"", "\"email\"");
        assertThat(lti.path("https://canvas.instructure.com/lti/privacy_level").asText()).isEqualTo("public");

        Registration stored = registrations.find(platform.base(), clientId).orElseThrow();
        assertThat(stored.authorizationEndpoint()).isEqualTo(platform.base() + "/mod/lti/auth.php");
        assertThat(stored.tokenEndpoint()).isEqualTo(platform.base() + "/mod/lti/token.php");
        assertThat(stored.jwksUri()).isEqualTo(platform.base() + "/mod/lti/certs.php");
        assertThat(registrations.deployments(stored.id())).containsExactly("7");
    }

    @Test
    void canvasRegistersTheToolWithAClientIdOnly() {
        String clientId = "10000000000" + (int) (Math.random() * 1000);
        serveCanvasConfiguration();
        mock.register(post(urlPathEqualTo("/api/lti/registrations")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"client_id":"%s","application_type":"web","client_name":"Waypoint",
                         "https://purl.imsglobal.org/spec/lti-tool-configuration":{"domain":"localhost","target_link_uri":"%s/lti/launch"}}
                        """.formatted(clientId, tool))));

        ToolBrowser.Page page = browser.get("/lti/register?openid_configuration=" + platform.base()
                + "/api/lti/security/openid-configuration&registration_token=canvas-token");

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("org.imsglobal.lti.close");
        Registration stored = registrations.find("https://canvas.instructure.com", clientId).orElseThrow();
        assertThat(stored.active()).isTrue();
        assertThat(registrations.deployments(stored.id())).isEmpty();
        // Canvas cloud's endpoints live on sso.canvaslms.com, not on the issuer's host: taken as configured.
        assertThat(stored.authorizationEndpoint()).isEqualTo("https://sso.canvaslms.com/api/lti/authorize_redirect");
        assertThat(stored.tokenEndpoint()).isEqualTo("https://sso.canvaslms.com/login/oauth2/token");
        assertThat(stored.jwksUri()).isEqualTo("https://sso.canvaslms.com/api/lti/security/jwks");
    }

    @Test
    void canvasReceivesItsPrivacyLevelAndPlacementsInTheRegistrationRequest() throws Exception {
        serveCanvasConfiguration();
        mock.register(post(urlPathEqualTo("/api/lti/registrations")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"client_id":"10000000000%d"}""".formatted(4000 + (int) (Math.random() * 999)))));

        browser.get("/lti/register?openid_configuration=" + platform.base()
                + "/api/lti/security/openid-configuration&registration_token=canvas-token");

        List<LoggedRequest> sent = mock.find(postRequestedFor(urlPathEqualTo("/api/lti/registrations")));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeader("Authorization")).isEqualTo("Bearer canvas-token");
        JsonNode request = JSON.readTree(sent.get(0).getBodyAsString());
        assertThat(request.path("token_endpoint_auth_method").asText()).isEqualTo("private_key_jwt");
        JsonNode lti = request.path("https://purl.imsglobal.org/spec/lti-tool-configuration");
        assertThat(lti.path("https://canvas.instructure.com/lti/privacy_level").asText()).isEqualTo("public");
        JsonNode messages = lti.path("messages");
        assertThat(messages.findValuesAsText("type")).containsExactly("LtiResourceLinkRequest", "LtiDeepLinkingRequest");
        assertThat(messages.get(0).path("placements").toString()).contains("course_navigation");
        assertThat(messages.get(1).path("placements").toString()).contains("link_selection");
        assertThat(messages.get(0).path("target_link_uri").asText()).isEqualTo(tool + "/lti/launch");
    }

    @Test
    void aRegistrationThePlatformRefusesIsReportedAndNotStored() {
        String openid = fixture("lti-openid-configuration.json").toString().replace("http://127.0.0.1:8700", platform.base());
        mock.register(get(urlPathEqualTo("/mod/lti/openid-configuration.php")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(openid)));
        mock.register(post(urlPathEqualTo("/mod/lti/openid-registration.php")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"Unauthorized\"}")));
        int before = registrations.list().size();

        ToolBrowser.Page page = browser.get("/lti/register?openid_configuration="
                + platform.base() + "/mod/lti/openid-configuration.php&registration_token=expired");

        assertThat(page.status()).isEqualTo(502);
        assertThat(page.body()).contains("REGISTRATION_FAILED", "HTTP 401");
        assertThat(registrations.list()).hasSize(before);
    }

    @Test
    void aRegistrationWithoutConfigurationUrlIsRefused() {
        ToolBrowser.Page page = browser.get("/lti/register?registration_token=x");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("openid_configuration");
    }

    @Test
    void canvasGetsItsDeveloperKeyConfiguration() throws Exception {
        ToolBrowser.Page page = browser.get("/lti/canvas.json");

        assertThat(page.status()).isEqualTo(200);
        JsonNode config = JSON.readTree(page.body());
        assertThat(config.path("oidc_initiation_url").asText()).isEqualTo(tool + "/lti/login");
        assertThat(config.path("target_link_uri").asText()).isEqualTo(tool + "/lti/launch");
        assertThat(config.path("public_jwk_url").asText()).isEqualTo(tool + "/.well-known/jwks.json");
        assertThat(config.path("scopes").toString()).contains("https://purl.imsglobal.org/spec/lti-ags/scope/score");
        JsonNode extension = config.path("extensions").get(0);
        assertThat(extension.path("platform").asText()).isEqualTo("canvas.instructure.com");
        assertThat(extension.path("privacy_level").asText()).isEqualTo("public");
        List<String> placements = extension.path("settings").path("placements").findValuesAsText("placement");
        assertThat(placements).containsExactly("course_navigation", "link_selection");
    }

    /** Canvas cloud's OpenID configuration: issuer canvas.instructure.com, endpoints on sso.canvaslms.com. */
    private void serveCanvasConfiguration() {
        mock.register(get(urlPathEqualTo("/api/lti/security/openid-configuration")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"issuer":"https://canvas.instructure.com",
                         "authorization_endpoint":"https://sso.canvaslms.com/api/lti/authorize_redirect",
                         "token_endpoint":"https://sso.canvaslms.com/login/oauth2/token",
                         "jwks_uri":"https://sso.canvaslms.com/api/lti/security/jwks",
                         "registration_endpoint":"%s/api/lti/registrations","scopes_supported":["openid"],
                         "response_types_supported":["id_token"],"id_token_signing_alg_values_supported":["RS256"],
                         "https://purl.imsglobal.org/spec/lti-platform-configuration":{"product_family_code":"canvas",
                           "version":"cloud","messages_supported":[{"type":"LtiResourceLinkRequest"},{"type":"LtiDeepLinkingRequest"}]}}
                        """.formatted(platform.base()))));
    }

    private static JsonNode fixture(String name) {
        try (InputStream in = DynamicRegistrationTest.class.getResourceAsStream("/lti/moodle-4.5/" + name)) {
            return JSON.readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
