package dev.waypoint.app.lti;

import dev.waypoint.app.lti.store.JdbcLtiSessions;
import dev.waypoint.app.support.ApiClient;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.lti.CanvasCloud;
import dev.waypoint.core.lti.RegistrationRepository;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.core.store.TenantRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Canvas's side of LTI: Instructure's hosted Canvas gives every customer the issuer
 * {@code https://canvas.instructure.com} and its own client id (developer key), so registrations are
 * told apart by client id, each customer launches into its own tenant, and a deployment id belongs to
 * one customer. Also Canvas's platform storage ({@code lti_storage_target=post_message_forwarding},
 * messages to the {@code sso.canvaslms.com} origin) and registering a Canvas cloud client by id alone.
 */
@LtiServerTest
class CanvasLaunchTest {

    private static final String CANVAS_AUTH = "https://sso.canvaslms.com/api/lti/authorize_redirect";

    private final int port = LtiServerTest.Port.PORT;
    private PlatformSimulator acme;
    private PlatformSimulator globex;
    private ToolBrowser browser;

    @Autowired
    TenantRepository tenants;
    @Autowired
    PersonRepository people;
    @Autowired
    RegistrationRepository registrations;
    @Autowired
    JdbcLtiSessions sessions;

    @BeforeEach
    void setUp() {
        tenants.ensure("acme", "Acme University");
        tenants.ensure("globex", "Globex College");
        acme = PlatformSimulator.canvasCustomer("10000000000" + digits(), "101:" + UUID.randomUUID().toString().replace("-", ""))
                .registerWith(port, "acme");
        globex = PlatformSimulator.canvasCustomer("10000000000" + digits(), "202:" + UUID.randomUUID().toString().replace("-", ""))
                .registerWith(port, "globex");
        browser = new ToolBrowser(port);
    }

    @AfterEach
    void tearDown() {
        acme.close();
        globex.close();
    }

    @Test
    void twoCanvasCustomersSharingTheIssuerLaunchIntoTheirOwnTenants() {
        String sub = "535fa085-" + UUID.randomUUID();

        ToolBrowser.Page atAcme = launch(acme, sub);
        Optional<Person> acmePerson = people.findByIdentity("acme", ltiSub(sub));
        ToolBrowser.Page atGlobex = launch(globex, sub);
        Optional<Person> globexPerson = people.findByIdentity("globex", ltiSub(sub));

        assertThat(atAcme.status()).as(atAcme.body()).isEqualTo(200);
        assertThat(atGlobex.status()).as(atGlobex.body()).isEqualTo(200);
        assertThat(atAcme.body()).contains("My career path", "Career paths");
        assertThat(acmePerson).isPresent();
        assertThat(globexPerson).isPresent();
        assertThat(globexPerson.get().id()).isNotEqualTo(acmePerson.get().id());
        assertThat(acmePerson.get().tenantId()).isEqualTo("acme");
        assertThat(globexPerson.get().tenantId()).isEqualTo("globex");
        assertThat(people.findByIdentity(TenantRepository.DEFAULT_TENANT, ltiSub(sub))).isEmpty();
    }

    @Test
    void aLaunchWithOneCustomersClientIdAndAnothersDeploymentIsRefused() {
        ToolBrowser.Login login = browser.login(acme);
        Map<String, Object> claims = PlatformSimulator.with(acme.canvasLaunchClaims(login.nonce(), browser.launchUrl(),
                "s-" + UUID.randomUUID(), PlatformSimulator.LEARNER),
                c -> c.put("https://purl.imsglobal.org/spec/lti/claim/deployment_id", globex.deploymentId()));
        long sessionsBefore = sessions.count();

        ToolBrowser.Page page = browser.launch(acme.sign(claims), login.state());

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.body()).contains(">FOREIGN_DEPLOYMENT<");
        assertThat(page.setCookies()).noneMatch(cookie -> cookie.startsWith(LtiCookies.SESSION));
        assertThat(sessions.count()).isEqualTo(sessionsBefore);
        assertThat(registrations.deployments(acme.registrationId())).containsExactly(acme.deploymentId());
    }

    @Test
    void aFirstSeenDeploymentOfAKnownCanvasClientIsAcceptedAndRecorded() {
        String newDeployment = "303:" + UUID.randomUUID().toString().replace("-", "");
        ToolBrowser.Login login = browser.login(acme);
        Map<String, Object> claims = PlatformSimulator.with(acme.canvasLaunchClaims(login.nonce(), browser.launchUrl(),
                "s-" + UUID.randomUUID(), PlatformSimulator.LEARNER),
                c -> c.put("https://purl.imsglobal.org/spec/lti/claim/deployment_id", newDeployment));

        ToolBrowser.Page page = browser.launch(acme.sign(claims), login.state());

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(registrations.deployments(acme.registrationId())).containsExactly(acme.deploymentId(), newDeployment);
        assertThat(registrations.deployments(globex.registrationId())).containsExactly(globex.deploymentId());
    }

    @Test
    void aCanvasCloudClientIsRegisteredByItsClientIdWithTheSsoEndpoints() {
        String clientId = "10000000000" + digits();

        ApiClient.Answer answer = new ApiClient(port).postJson("/api/v1/lti/registrations", """
                {"issuer":"%s","clientId":"%s","tenant":"acme"}""".formatted(CanvasCloud.ISSUER, clientId));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        assertThat(answer.body().path("authorizationEndpoint").asText()).isEqualTo(CANVAS_AUTH);
        assertThat(answer.body().path("tokenEndpoint").asText()).isEqualTo("https://sso.canvaslms.com/login/oauth2/token");
        assertThat(answer.body().path("jwksUri").asText()).isEqualTo("https://sso.canvaslms.com/api/lti/security/jwks");
        assertThat(answer.body().path("tenant").asText()).isEqualTo("acme");
    }

    @Test
    void anOtherIssuerStillNeedsItsEndpoints() {
        ApiClient.Answer answer = new ApiClient(port).postJson("/api/v1/lti/registrations", """
                {"issuer":"https://moodle.school.example","clientId":"abc"}""");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.raw()).contains("authorizationEndpoint", "jwksUri");
    }

    @Test
    void aCanvasLaunchWithBlockedCookiesKeepsTheStateInCanvasPlatformStorage() {
        PlatformSimulator school = PlatformSimulator.canvasCustomer("10000000000" + digits(), "404:" + digits());
        school.authorizeAt(CANVAS_AUTH);
        school.registerWith(port, "acme");
        try {
            Map<String, String> initiation = new LinkedHashMap<>();
            initiation.put("iss", CanvasCloud.ISSUER);
            initiation.put("login_hint", "a6f1b2c3d4e5");
            initiation.put("client_id", school.clientId());
            initiation.put("lti_deployment_id", school.deploymentId());
            initiation.put("target_link_uri", browser.launchUrl());
            initiation.put("lti_message_hint", "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.e30.c2ln");
            initiation.put("canvas_environment", "prod");
            initiation.put("canvas_region", "us-east-1");
            initiation.put("lti_storage_target", "post_message_forwarding");

            ToolBrowser.Page login = browser.post("/lti/login", initiation);

            assertThat(login.status()).isEqualTo(200);
            String page = ToolBrowser.unescape(login.body());
            assertThat(page).contains("lti.put_data", "post_message_forwarding", CANVAS_AUTH + "?");
            assertThat(ToolBrowser.find(page, "origin = \"([^\"]+)\"")).isEqualTo("https://sso.canvaslms.com");

            Map<String, String> auth = ToolBrowser.query(ToolBrowser.find(page, "authUrl = \"([^\"]+)\""));
            browser.forgetCookies();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("id_token", school.sign(school.canvasLaunchClaims(auth.get("nonce"), browser.launchUrl(),
                    "s-" + UUID.randomUUID(), PlatformSimulator.LEARNER)));
            form.put("state", auth.get("state"));
            form.put("lti_storage_target", "post_message_forwarding");
            ToolBrowser.Page relay = browser.post("/lti/launch", form);
            assertThat(ToolBrowser.unescape(relay.body())).contains("lti.get_data", "post_message_forwarding");
            assertThat(ToolBrowser.find(ToolBrowser.unescape(relay.body()), "origin = \"([^\"]+)\""))
                    .isEqualTo("https://sso.canvaslms.com");

            form.put("platform_state", auth.get("state"));
            ToolBrowser.Page launched = browser.post("/lti/launch", form);
            assertThat(launched.status()).as(launched.body()).isEqualTo(200);
            assertThat(launched.body()).contains("My career path", "Career paths");
        } finally {
            school.close();
        }
    }

    private ToolBrowser.Page launch(PlatformSimulator platform, String sub) {
        ToolBrowser.Login login = browser.login(platform);
        return browser.launch(platform.sign(platform.canvasLaunchClaims(login.nonce(), browser.launchUrl(), sub,
                PlatformSimulator.LEARNER)), login.state());
    }

    private static IdentityRef ltiSub(String sub) {
        return IdentityRef.of(IdentityKind.LTI_SUB, LaunchSessions.subjectKey(CanvasCloud.ISSUER, sub));
    }

    private static String digits() {
        return String.valueOf(1000 + (int) (Math.random() * 9000));
    }
}
