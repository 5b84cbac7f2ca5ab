package dev.waypoint.app.lti;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.waypoint.app.support.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole launches against a simulated Moodle 4.5: login initiation, authentication request, id_token
 * with the recorded Moodle claims, and what the learner, the instructor and a deep-linking teacher get.
 */
@LtiServerTest
class LaunchTest {

    private final int port = LtiServerTest.Port.PORT;
    private PlatformSimulator platform;
    private ToolBrowser browser;
    private ApiClient api;

    @Autowired
    dev.waypoint.core.lti.RegistrationRepository registrations;

    @BeforeEach
    void setUp() {
        platform = new PlatformSimulator().registerWith(port);
        browser = new ToolBrowser(port);
        api = new ApiClient(port);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void theAuthenticationRequestCarriesWhatMoodleRequires() {
        ToolBrowser.Login login = browser.login(platform);

        assertThat(login.url()).startsWith(platform.base() + "/mod/lti/auth.php?");
        assertThat(login.params()).containsEntry("redirect_uri", browser.launchUrl())
                .containsEntry("login_hint", "3")
                .containsEntry("lti_message_hint", "{\"cmid\":7,\"launchid\":\"ltilaunch1_178442951\"}")
                .containsEntry("client_id", platform.clientId())
                .containsEntry("response_type", "id_token")
                .containsEntry("response_mode", "form_post")
                .containsEntry("scope", "openid")
                .containsEntry("prompt", "none");
        assertThat(login.state()).hasSizeGreaterThan(20);
        assertThat(login.nonce()).hasSizeGreaterThan(20).isNotEqualTo(login.state());
        assertThat(browser.cookies()).containsEntry(LtiCookies.STATE, login.state());
    }

    @Test
    void theStateCookieSurvivesACrossSiteFrame() {
        browser.login(platform);
        ToolBrowser.Page again = browser.post("/lti/login", Map.of("iss", platform.issuer(), "login_hint", "3",
                "target_link_uri", browser.launchUrl(), "client_id", platform.clientId()));

        assertThat(again.setCookies()).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(LtiCookies.STATE + "=").contains("SameSite=None", "Secure", "HttpOnly"));
    }

    @Test
    void aLearnerLaunchShowsTheirReadinessAndPath() {
        String sub = "learner-" + UUID.randomUUID();
        ApiClient.Answer person = api.postJson("/api/v1/people", """
                {"identities":[{"kind":"email","value":"%s@example.com"}],"displayName":"Alice Anderson",
                 "currentRole":"analytics.analyst","weeklyHours":4}""".formatted(sub));
        assertThat(person.status()).as(person.raw()).isEqualTo(201);
        api.postJson("/api/v1/evidence", """
                {"identities":[{"kind":"email","value":"%s@example.com"}],"kind":"course_completion",
                 "object":"moodle:course:SQLF101","occurredAt":"2026-06-01T00:00:00Z","source":"moodle","externalId":"c-%s"}
                """.formatted(sub, sub));

        ToolBrowser.Page page = launchAs(sub, PlatformSimulator.LEARNER);

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("My career path", "Alice Anderson", "Senior", "SQL Fundamentals");
        // The senior analyst readiness worked by hand in EndToEndTest: SQLF101 alone gives 5.
        assertThat(page.body()).containsPattern("href=\"#role-analytics-senior-analyst\">5</a>");
        assertThat(page.body()).contains("id=\"role-analytics-senior-analyst-skill-sql\"");
        assertThat(page.body()).contains("course_completion", "Path");
        assertThat(browser.cookies()).containsKey(LtiCookies.SESSION).doesNotContainKey(LtiCookies.STATE);
        assertThat(page.header("X-Frame-Options")).isNull();
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).startsWith("frame-ancestors 'self' ");
        // The sources of the directive, in whatever order: the platform's origin must be one of them.
        assertThat(policy.substring(0, policy.indexOf(';')).split(" ")).contains(platform.base());

        List<String> identities = api.get("/api/v1/people/" + person.body().path("id").asText()).body().path("identities")
                .findValuesAsText("value");
        assertThat(identities).contains(platform.issuer() + "#" + sub);

        ToolBrowser.Page reload = browser.get("/lti/learner");
        assertThat(reload.status()).isEqualTo(200);
        assertThat(reload.body()).contains("Alice Anderson");
    }

    @Test
    void aLaunchWithWorkingCookiesRedirectsToThePageSoAReloadDoesNotRepostTheSpentIdToken() {
        ToolBrowser.Login login = browser.login(platform);
        String idToken = platform.sign(platform.launchClaims(login.nonce(), browser.launchUrl(), "s-" + UUID.randomUUID(),
                PlatformSimulator.LEARNER));

        ToolBrowser.Page launch = browser.postLaunch(idToken, login.state());

        assertThat(launch.status()).as(launch.body()).isEqualTo(303);
        assertThat(launch.location()).endsWith("/lti/learner");
        assertThat(launch.setCookies()).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(LtiCookies.SESSION + "=").contains("SameSite=None", "Secure", "HttpOnly"));
        assertThat(browser.get("/lti/learner").status()).isEqualTo(200);
        assertThat(browser.get("/lti/learner").status()).as("a reload").isEqualTo(200);
    }

    @Test
    void anInstructorLaunchRedirectsToTheCourseView() {
        ToolBrowser.Login login = browser.login(platform);

        ToolBrowser.Page launch = browser.postLaunch(platform.sign(platform.launchClaims(login.nonce(),
                browser.launchUrl(), "teacher-" + UUID.randomUUID(), PlatformSimulator.INSTRUCTOR)), login.state());

        assertThat(launch.status()).isEqualTo(303);
        assertThat(launch.location()).endsWith("/lti/course");
    }

    @Test
    void withoutASessionThePageIsRefused() {
        ToolBrowser.Page page = browser.get("/lti/learner");

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.body()).contains("NO_SESSION");
    }

    @Test
    void anInstructorLaunchShowsTheCourseLearners() {
        String learner = "learner-" + UUID.randomUUID();
        api.postJson("/api/v1/people", """
                {"identities":[{"kind":"email","value":"%s@example.com"}],"displayName":"Bob Brooks",
                 "currentRole":"analytics.analyst"}""".formatted(learner));
        assertThat(launchAs(learner, PlatformSimulator.LEARNER).status()).isEqualTo(200);

        ToolBrowser teacher = new ToolBrowser(port);
        ToolBrowser.Login login = teacher.login(platform);
        ToolBrowser.Page page = teacher.launch(platform.sign(platform.launchClaims(login.nonce(), teacher.launchUrl(),
                "teacher-" + UUID.randomUUID(), PlatformSimulator.INSTRUCTOR)), login.state());

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Readiness in", "SQL Fundamentals", "Bob Brooks", "analytics.senior-analyst");
    }

    @Test
    void aFirstSeenDeploymentOfAKnownClientIsRecorded() {
        ToolBrowser.Login login = browser.login(platform);
        Map<String, Object> claims = PlatformSimulator.with(platform.launchClaims(login.nonce(), browser.launchUrl(),
                "s-" + UUID.randomUUID(), PlatformSimulator.LEARNER),
                c -> c.put("https://purl.imsglobal.org/spec/lti/claim/deployment_id", "canvas-deployment-7"));

        ToolBrowser.Page page = browser.launch(platform.sign(claims), login.state());

        assertThat(page.status()).isEqualTo(200);
        assertThat(registrations.deployments(platform.registrationId())).contains("1", "canvas-deployment-7");
    }

    @Test
    void aDeepLinkingRequestIsAnsweredWithASignedCareerPathLink() throws Exception {
        ToolBrowser.Login login = browser.login(platform);
        Map<String, Object> claims = PlatformSimulator.with(platform.launchClaims(login.nonce(), browser.launchUrl(),
                "teacher-" + UUID.randomUUID(), PlatformSimulator.INSTRUCTOR), c -> {
            c.put("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingRequest");
            c.remove("https://purl.imsglobal.org/spec/lti/claim/resource_link");
            c.put("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", Map.of(
                    "deep_link_return_url", platform.base() + "/mod/lti/contentitem_return.php?course=2&id=1",
                    "accept_types", List.of("ltiResourceLink"), "accept_presentation_document_targets", List.of("iframe"),
                    "accept_lineitem", true, "data", "opaque-data-42"));
        });

        ToolBrowser.Page page = browser.launch(platform.sign(claims), login.state());

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"" + platform.base() + "/mod/lti/contentitem_return.php?course=2&amp;id=1\"");
        Matcher jwtField = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(jwtField.find()).isTrue();
        SignedJWT response = SignedJWT.parse(jwtField.group(1));
        JWKSet toolKeys = JWKSet.parse(browser.get("/.well-known/jwks.json").body());
        RSAKey toolKey = (RSAKey) toolKeys.getKeyByKeyId(response.getHeader().getKeyID());
        assertThat(response.verify(new RSASSAVerifier(toolKey))).isTrue();
        assertThat(response.getJWTClaimsSet().getIssuer()).isEqualTo(platform.clientId());
        assertThat(response.getJWTClaimsSet().getAudience()).containsExactly(platform.issuer());
        assertThat(response.getJWTClaimsSet().getClaim("https://purl.imsglobal.org/spec/lti/claim/message_type"))
                .isEqualTo("LtiDeepLinkingResponse");
        assertThat(response.getJWTClaimsSet().getClaim("https://purl.imsglobal.org/spec/lti/claim/deployment_id"))
                .isEqualTo(platform.deploymentId());
        assertThat(response.getJWTClaimsSet().getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"))
                .isEqualTo("opaque-data-42");
        String items = String.valueOf(response.getJWTClaimsSet().getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items"));
        assertThat(items).contains("ltiResourceLink", "My career path", browser.launchUrl(), "scoreMaximum=100");
    }

    @Test
    void theToolPublishesItsPublicKeysOnly() throws Exception {
        ToolBrowser.Page page = browser.get("/.well-known/jwks.json");

        assertThat(page.status()).isEqualTo(200);
        JWKSet keys = JWKSet.parse(page.body());
        assertThat(keys.getKeys()).isNotEmpty();
        assertThat(keys.getKeys()).allSatisfy(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyID()).isNotBlank();
        });
        assertThat(page.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
    }

    @Test
    void aPlatformThatRollsItsKeyIsFollowedOnTheFirstUnknownKid() {
        assertThat(launchAs("s-" + UUID.randomUUID(), PlatformSimulator.LEARNER).status()).isEqualTo(200);
        platform.rotateKey();

        ToolBrowser.Page page = launchAs("s-" + UUID.randomUUID(), PlatformSimulator.LEARNER);

        assertThat(page.status()).as(page.body()).isEqualTo(200);
    }

    private ToolBrowser.Page launchAs(String sub, String role) {
        ToolBrowser.Login login = browser.login(platform);
        return browser.launch(platform.sign(platform.launchClaims(login.nonce(), browser.launchUrl(), sub, role)),
                login.state());
    }
}
