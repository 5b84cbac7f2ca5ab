package dev.waypoint.app.console;

import dev.waypoint.app.lti.ToolBrowser.Page;
import dev.waypoint.app.support.ApiClient.Answer;
import dev.waypoint.core.lti.ToolEndpoints;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.waypoint.app.console.ConsoleOverviewTest.row;
import static org.assertj.core.api.Assertions.assertThat;

/** "Authorize with Canvas": the authorization-code round trip of a tenant's developer key, from the console. */
class ConsoleCanvasAuthorizationTest extends SignedInConsole {

    @Autowired
    ToolEndpoints tool;

    @Test
    void anAdminAuthorizesADeveloperKeyAndOnlyThatTheRefreshTokenIsSetIsShown() {
        String tenant = developerKeyTenant();
        String canvas = "/" + tenant + "-canvas";
        SOURCES.stubFor(post(canvas + "/login/oauth2/token").withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("{\"access_token\":\"access-1\",\"refresh_token\":\"refresh-from-canvas\",\"expires_in\":3600}")));
        assertThat(row(admin.get("/console").body(), "canvas-" + tenant)).contains("developer key not yet authorized");

        Page started = admin.get("/console/canvas/" + tenant + "/authorize");

        assertThat(started.status()).isEqualTo(302);
        HttpUrl authorize = HttpUrl.parse(started.location());
        assertThat(authorize.toString()).startsWith(SOURCES.baseUrl() + canvas + "/login/oauth2/auth?");
        assertThat(authorize.queryParameter("client_id")).isEqualTo("10000000000042");
        assertThat(authorize.queryParameter("response_type")).isEqualTo("code");
        String returnUri = tool.baseUrl() + "/console/canvas/authorized";
        assertThat(authorize.queryParameter("redirect_uri")).isEqualTo(returnUri);
        String state = authorize.queryParameter("state");
        assertThat(state).hasSizeGreaterThanOrEqualTo(40);

        Page back = admin.get("/console/canvas/authorized?code=code-1&state=" + state);

        assertThat(back.status()).isEqualTo(302);
        assertThat(back.location()).endsWith("/console");
        String overview = admin.get("/console").body();
        assertThat(overview).contains("Canvas developer key authorized for tenant " + tenant + ".");
        assertThat(row(overview, "canvas-" + tenant)).contains("developer key authorized").contains("Authorize again");
        SOURCES.verify(1, postRequestedFor(urlEqualTo(canvas + "/login/oauth2/token"))
                .withRequestBody(containing("code=code-1"))
                .withRequestBody(containing("client_id=10000000000042"))
                .withRequestBody(containing("client_secret=dev-key-secret"))
                .withRequestBody(containing("redirect_uri=" + HttpUrl.parse(returnUri).toString()
                        .replace(":", "%3A").replace("/", "%2F"))));
        Answer stored = api.get("/api/v1/canvas/tenants/" + tenant);
        assertThat(stored.body().path("oauthRefreshTokenSet").asBoolean()).isTrue();
        assertThat(stored.raw()).doesNotContain("refresh-from-canvas").doesNotContain("dev-key-secret");

        Page replayed = admin.get("/console/canvas/authorized?code=code-2&state=" + state);

        assertThat(replayed.status()).isEqualTo(302);
        assertThat(admin.get("/console").body()).contains("did not start, or one already used: nothing was stored");
        SOURCES.verify(0, postRequestedFor(urlEqualTo(canvas + "/login/oauth2/token")).withRequestBody(containing("code=code-2")));
    }

    @Test
    void aReturnThisConsoleDidNotStartStoresNothing() {
        String tenant = developerKeyTenant();

        Page forged = admin.get("/console/canvas/authorized?code=planted&state=not-one-of-ours");

        assertThat(forged.status()).isEqualTo(302);
        assertThat(admin.get("/console").body()).contains("Canvas sent back an authorization this console did not start");
        SOURCES.verify(0, postRequestedFor(urlEqualTo("/" + tenant + "-canvas/login/oauth2/token")));
        assertThat(api.get("/api/v1/canvas/tenants/" + tenant).body().path("oauthRefreshTokenSet").asBoolean()).isFalse();
    }

    @Test
    void canvasRefusingTheAuthorizationIsSaidAndStoresNothing() {
        String tenant = developerKeyTenant();
        admin.get("/console");
        String state = HttpUrl.parse(admin.get("/console/canvas/" + tenant + "/authorize").location())
                .queryParameter("state");

        admin.get("/console/canvas/authorized?error=access_denied&state=" + state);

        assertThat(admin.get("/console").body())
                .contains("Canvas did not authorize the developer key of tenant " + tenant + " (access_denied)");
        assertThat(api.get("/api/v1/canvas/tenants/" + tenant).body().path("oauthRefreshTokenSet").asBoolean()).isFalse();
    }

    @Test
    void aTenantWithAnAccessTokenHasNothingToAuthorize() {
        admin.get("/console");

        Page refused = admin.get("/console/canvas/console-canvas/authorize");

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/console");
        assertThat(admin.get("/console").body()).contains("Nothing to authorize: tenant &#39;console-canvas&#39; "
                + "reaches Canvas with an access token, not a developer key.");
    }

    /** A tenant stored through the API with a developer key and no refresh token yet. */
    private String developerKeyTenant() {
        String tenant = "oauth-" + UUID.randomUUID().toString().substring(0, 8);
        Answer saved = api.putJson("/api/v1/canvas/tenants/" + tenant, """
                {"baseUrl":"%s/%s-canvas","oauthClientId":"10000000000042","oauthClientSecret":"dev-key-secret"}
                """.formatted(SOURCES.baseUrl(), tenant));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.body().path("oauthRefreshTokenSet").asBoolean()).isFalse();
        return tenant;
    }
}
