package dev.waypoint.app.lti;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.waypoint.app.lti.store.JdbcLtiSessions;
import dev.waypoint.app.support.FixedClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every launch that is not exactly right is refused: a page naming the reason, a log line with it,
 * and no session. Each test breaks one thing of an otherwise valid Moodle launch.
 */
@LtiServerTest
@ExtendWith(OutputCaptureExtension.class)
class LaunchRefusalTest {

    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final long NOW = FixedClockConfiguration.NOW.getEpochSecond();

    private final int port = LtiServerTest.Port.PORT;
    private PlatformSimulator platform;
    private ToolBrowser browser;
    private ToolBrowser.Login login;
    private long sessionsBefore;

    @Autowired
    JdbcLtiSessions sessions;

    @BeforeEach
    void setUp() {
        platform = new PlatformSimulator().registerWith(port);
        browser = new ToolBrowser(port);
        login = browser.login(platform);
        sessionsBefore = sessions.count();
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void rejectsABadSignature(CapturedOutput log) {
        RSAKey impostor = PlatformSimulator.newKey(platform.key().getKeyID());
        String token = PlatformSimulator.sign(claims(c -> { }), impostor, JWSAlgorithm.RS256);

        refused(browser.launch(token, login.state()), "BAD_SIGNATURE", 401, log);
    }

    @Test
    void rejectsAnUnsignedTokenWithAlgNone(CapturedOutput log) throws Exception {
        String token = new PlainJWT(JWTClaimsSet.parse(claims(c -> { }))).serialize();

        refused(browser.launch(token, login.state()), "ALGORITHM_NOT_ALLOWED", 401, log);
    }

    @Test
    void rejectsHs256SignedWithThePlatformsPublicKey(CapturedOutput log) throws Exception {
        byte[] publicKey = platform.key().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(platform.key().getKeyID()).build(),
                JWTClaimsSet.parse(claims(c -> { })));
        forged.sign(new MACSigner(publicKey));

        refused(browser.launch(forged.serialize(), login.state()), "ALGORITHM_NOT_ALLOWED", 401, log);
    }

    @Test
    void rejectsAnUnknownKidAfterFetchingTheKeySetOnceMore(CapturedOutput log) {
        int fetchesBefore = platform.wireMock().countRequestsMatching(
                getRequestedFor(urlPathEqualTo("/mod/lti/certs.php")).build()).getCount();
        String token = PlatformSimulator.sign(claims(c -> { }), PlatformSimulator.newKey("kid-nobody-published"),
                JWSAlgorithm.RS256);

        refused(browser.launch(token, login.state()), "UNKNOWN_KEY", 401, log);
        int fetchesAfter = platform.wireMock().countRequestsMatching(
                getRequestedFor(urlPathEqualTo("/mod/lti/certs.php")).build()).getCount();
        assertThat(fetchesAfter - fetchesBefore).isBetween(1, 2);
    }

    @Test
    void rejectsAnExpiredToken(CapturedOutput log) {
        refused(launch(c -> {
            c.put("iat", NOW - 300);
            c.put("exp", NOW - 240);
        }), "EXPIRED", 401, log);
    }

    @Test
    void rejectsATokenIssuedInTheFutureBeyondTheSkew(CapturedOutput log) {
        refused(launch(c -> {
            c.put("iat", NOW + 600);
            c.put("exp", NOW + 660);
        }), "ISSUED_IN_FUTURE", 401, log);
    }

    @Test
    void rejectsATokenForAnotherTool(CapturedOutput log) {
        refused(launch(c -> c.put("aud", "some-other-tool")), "WRONG_AUDIENCE", 401, log);
    }

    @Test
    void rejectsAnAuthorizedPartyThatIsNotUs(CapturedOutput log) {
        refused(launch(c -> {
            c.put("aud", List.of(platform.clientId(), "other-tool"));
            c.put("azp", "other-tool");
        }), "AZP_MISMATCH", 401, log);
    }

    @Test
    void rejectsSeveralAudiencesWithoutAnAuthorizedParty(CapturedOutput log) {
        refused(launch(c -> c.put("aud", List.of(platform.clientId(), "other-tool"))), "AZP_MISMATCH", 401, log);
    }

    @Test
    void rejectsATokenFromAnotherIssuer(CapturedOutput log) {
        refused(launch(c -> c.put("iss", "https://evil.example.com")), "WRONG_ISSUER", 401, log);
    }

    @Test
    void rejectsALoginFromAnUnknownClient(CapturedOutput log) {
        ToolBrowser.Page page = browser.post("/lti/login", Map.of("iss", platform.issuer(), "login_hint", "3",
                "target_link_uri", browser.launchUrl(), "client_id", "unknown-client"));

        refused(page, "UNKNOWN_CLIENT", 401, log);
    }

    @Test
    void rejectsAnUnknownDeploymentOfAnUnknownClient(CapturedOutput log) {
        ToolBrowser.Page page = browser.post("/lti/login", Map.of("iss", "https://unknown.example.com", "login_hint", "3",
                "target_link_uri", browser.launchUrl(), "client_id", "unknown-client", "lti_deployment_id", "99"));

        refused(page, "UNKNOWN_PLATFORM", 401, log);
    }

    @Test
    void rejectsAReplayedLaunch(CapturedOutput log) {
        String token = platform.sign(claims(c -> { }));
        ToolBrowser replayer = new ToolBrowser(port);
        replayer.cookies().putAll(browser.cookies());
        assertThat(browser.launch(token, login.state()).status()).isEqualTo(200);
        long afterFirst = sessions.count();

        ToolBrowser.Page replay = replayer.launch(token, login.state());

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.body()).contains("REPLAYED");
        assertThat(replay.setCookies()).noneMatch(cookie -> cookie.startsWith(LtiCookies.SESSION));
        assertThat(sessions.count()).isEqualTo(afterFirst);
        assertThat(log.getOut()).contains("LTI request refused: REPLAYED");
    }

    @Test
    void rejectsANonceOtherThanTheOneIssuedAtLogin(CapturedOutput log) {
        refused(launch(c -> c.put("nonce", "nonce-of-another-login")), "NONCE_MISMATCH", 401, log);
    }

    @Test
    void rejectsALaunchWithoutState(CapturedOutput log) {
        refused(browser.launch(platform.sign(claims(c -> { })), null), "MISSING_STATE", 401, log);
    }

    @Test
    void rejectsAStateOtherThanTheOneThisBrowserHolds(CapturedOutput log) {
        ToolBrowser.Login other = new ToolBrowser(port).login(platform);

        refused(browser.launch(platform.sign(claims(c -> c.put("nonce", other.nonce()))), other.state()),
                "STATE_MISMATCH", 401, log);
    }

    @Test
    void rejectsALaunchFromABrowserThatNeverLoggedIn(CapturedOutput log) {
        browser.forgetCookies();

        refused(launch(c -> { }), "STATE_MISMATCH", 401, log);
    }

    @Test
    void rejectsAStateTheToolNeverIssued(CapturedOutput log) {
        browser.cookies().put(LtiCookies.STATE, "forged-state");

        refused(browser.launch(platform.sign(claims(c -> { })), "forged-state"), "UNKNOWN_STATE", 401, log);
    }

    @Test
    void rejectsAMissingMessageType(CapturedOutput log) {
        refused(launch(c -> c.remove(LTI + "message_type")), "MISSING_CLAIM", 400, log);
    }

    @Test
    void rejectsAMissingVersion(CapturedOutput log) {
        refused(launch(c -> c.remove(LTI + "version")), "MISSING_CLAIM", 400, log);
    }

    @Test
    void rejectsAMissingDeploymentId(CapturedOutput log) {
        refused(launch(c -> c.remove(LTI + "deployment_id")), "MISSING_CLAIM", 400, log);
    }

    @Test
    void rejectsAMissingSubject(CapturedOutput log) {
        refused(launch(c -> c.remove("sub")), "MISSING_CLAIM", 400, log);
    }

    @Test
    void rejectsMissingRoles(CapturedOutput log) {
        refused(launch(c -> c.remove(LTI + "roles")), "MISSING_CLAIM", 400, log);
    }

    @Test
    void rejectsAResourceLinkLaunchWithoutResourceLinkId(CapturedOutput log) {
        refused(launch(c -> c.put(LTI + "resource_link", Map.of("title", "no id"))), "MISSING_CLAIM", 400, log);
    }

    @Test
    void rejectsATokenWithoutExpiry(CapturedOutput log) {
        refused(launch(c -> c.remove("exp")), "MISSING_CLAIM", 400, log);
    }

    @Test
    void rejectsADeepLinkingRequestWithoutReturnUrl(CapturedOutput log) {
        refused(launch(c -> c.put(LTI + "message_type", "LtiDeepLinkingRequest")), "MISSING_CLAIM", 400, log);
    }

    @Test
    void rejectsAMessageTypeTheToolDoesNotHandle(CapturedOutput log) {
        refused(launch(c -> c.put(LTI + "message_type", "LtiSubmissionReviewRequest")), "WRONG_MESSAGE_TYPE", 400, log);
    }

    @Test
    void rejectsAnotherLtiVersion(CapturedOutput log) {
        refused(launch(c -> c.put(LTI + "version", "1.1")), "WRONG_VERSION", 400, log);
    }

    @Test
    void rejectsATargetLinkThatIsNotOurs(CapturedOutput log) {
        refused(launch(c -> c.put(LTI + "target_link_uri", "https://evil.example.com/lti/launch")), "FOREIGN_TARGET", 400, log);
    }

    @Test
    void rejectsALoginForATargetThatIsNotOurs(CapturedOutput log) {
        ToolBrowser.Page page = browser.post("/lti/login", Map.of("iss", platform.issuer(), "login_hint", "3",
                "target_link_uri", "http://localhost:" + port + ".evil.example.com/lti/launch", "client_id", platform.clientId()));

        refused(page, "FOREIGN_TARGET", 400, log);
    }

    @Test
    void rejectsAMalformedJwt(CapturedOutput log) {
        refused(browser.launch("not.a-jwt", login.state()), "MALFORMED_TOKEN", 400, log);
    }

    @Test
    void rejectsATokenWhoseClaimsAreNotJson(CapturedOutput log) {
        String header = Base64URL.encode("{\"alg\":\"RS256\"}").toString();
        refused(browser.launch(header + "." + Base64URL.encode("not json") + ".c2ln", login.state()), "MALFORMED_TOKEN", 400, log);
    }

    @Test
    void rejectsALaunchWithoutIdToken(CapturedOutput log) {
        refused(browser.launch(null, login.state()), "MISSING_CLAIM", 400, log);
    }

    @Test
    void rejectsAnOversizedForm(CapturedOutput log) {
        String huge = "id_token=" + "a".repeat(70_000) + "&state=" + login.state();

        refused(browser.post("/lti/launch", huge), "OVERSIZED_REQUEST", 413, log);
    }

    @Test
    void rejectsALoginWithoutLoginHint(CapturedOutput log) {
        ToolBrowser.Page page = browser.post("/lti/login", Map.of("iss", platform.issuer(),
                "target_link_uri", browser.launchUrl(), "client_id", platform.clientId()));

        refused(page, "BAD_LOGIN_REQUEST", 400, log);
    }

    @Test
    void rejectsALaunchWhenThePlatformKeysCannotBeFetched(CapturedOutput log) {
        String token = platform.sign(claims(c -> { }));
        platform.wireMock().resetAll();

        ToolBrowser.Page page = browser.launch(token, login.state());

        assertThat(page.status()).isIn(401, 502);
        assertThat(page.body()).containsAnyOf("PLATFORM_KEYS_UNAVAILABLE", "UNKNOWN_KEY");
        assertThat(sessions.count()).isEqualTo(sessionsBefore);
    }

    private ToolBrowser.Page launch(Consumer<Map<String, Object>> change) {
        return browser.launch(platform.sign(claims(change)), login.state());
    }

    private Map<String, Object> claims(Consumer<Map<String, Object>> change) {
        return PlatformSimulator.with(platform.launchClaims(login.nonce(), browser.launchUrl(),
                "s-" + UUID.randomUUID(), PlatformSimulator.LEARNER), change);
    }

    private void refused(ToolBrowser.Page page, String reason, int status, CapturedOutput log) {
        assertThat(page.status()).as(page.body()).isEqualTo(status);
        assertThat(page.body()).contains("Waypoint could not open", ">" + reason + "<");
        assertThat(page.setCookies()).noneMatch(cookie -> cookie.startsWith(LtiCookies.SESSION));
        assertThat(sessions.count()).isEqualTo(sessionsBefore);
        assertThat(log.getOut()).contains("LTI request refused: " + reason);
    }
}
