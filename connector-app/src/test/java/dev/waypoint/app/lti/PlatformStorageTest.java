package dev.waypoint.app.lti;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Launches when the browser blocks the tool's cookie and the platform offers LTI platform storage
 * ({@code lti_storage_target}): the state goes into the platform's storage at login and is read back
 * with {@code lti.get_data} at launch.
 */
@LtiServerTest
class PlatformStorageTest {

    private final int port = LtiServerTest.Port.PORT;
    private PlatformSimulator platform;
    private ToolBrowser browser;

    @BeforeEach
    void setUp() {
        platform = new PlatformSimulator().registerWith(port);
        browser = new ToolBrowser(port);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void theLoginPutsTheStateIntoPlatformStorage() {
        ToolBrowser.Page page = browser.post("/lti/login", initiation());

        assertThat(page.status()).isEqualTo(200);
        assertThat(ToolBrowser.unescape(page.body())).contains("lti.put_data", "lti.put_data.response", "_parent",
                platform.base() + "/mod/lti/auth.php?");
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors");
    }

    @Test
    void aLaunchWithoutCookieReadsTheStateBackFromPlatformStorage() {
        ToolBrowser.Page login = browser.post("/lti/login", initiation());
        String authUrl = ToolBrowser.unescape(ToolBrowser.find(login.body(), "authUrl = \"([^\"]+)\""));
        Map<String, String> auth = ToolBrowser.query(authUrl);
        browser.forgetCookies();
        String idToken = platform.sign(platform.launchClaims(auth.get("nonce"), browser.launchUrl(),
                "storage-" + UUID.randomUUID(), PlatformSimulator.LEARNER));

        Map<String, String> form = new LinkedHashMap<>();
        form.put("id_token", idToken);
        form.put("state", auth.get("state"));
        form.put("lti_storage_target", "_parent");
        ToolBrowser.Page relay = browser.post("/lti/launch", form);
        assertThat(relay.status()).isEqualTo(200);
        assertThat(relay.body()).contains("lti.get_data", "platform_state");
        assertThat(ToolBrowser.unescape(ToolBrowser.find(relay.body(), "origin = \"([^\"]+)\""))).isEqualTo(platform.base());

        form.put("platform_state", auth.get("state"));
        ToolBrowser.Page page = browser.post("/lti/launch", form);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("My career path");
    }

    @Test
    void aPlatformStorageLaunchForAStateNeverIssuedIsRefusedBeforeAskingThePlatform() {
        browser.forgetCookies();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("id_token", "x.y.z");
        form.put("state", "never-issued");
        form.put("lti_storage_target", "_parent");

        ToolBrowser.Page page = browser.post("/lti/launch", form);

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.body()).contains(">UNKNOWN_STATE<").doesNotContain("lti.get_data");
    }

    private Map<String, String> initiation() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", platform.issuer());
        params.put("login_hint", "3");
        params.put("target_link_uri", browser.launchUrl());
        params.put("client_id", platform.clientId());
        params.put("lti_storage_target", "_parent");
        return params;
    }
}
