package dev.waypoint.app.console;

import dev.waypoint.app.lti.ToolBrowser.Page;
import dev.waypoint.app.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in to the console with the admin token, being refused, signing out, and forms without a CSRF token. */
@ExtendWith(OutputCaptureExtension.class)
class ConsoleSignInTest extends ConsoleServer {

    private static final String WRONG = "wpt_not-the-admin-token-at-all";

    @LocalServerPort
    int port;

    @Test
    void theAdminTokenOpensASessionWithAnHttpOnlyLaxCookie() {
        ConsoleSession admin = new ConsoleSession(port);

        Page signedIn = admin.signIn(ApiClient.ADMIN_TOKEN);

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).endsWith("/console");
        String sessionCookie = signedIn.setCookies().stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow();
        assertThat(sessionCookie).contains("HttpOnly", "SameSite=Lax");
        // plain http here; Tomcat marks the cookie Secure when the request is
        assertThat(sessionCookie).doesNotContain("Secure");
        Page overview = admin.get("/console");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("<h1>Overview</h1>", "Sign out");
    }

    @Test
    void aPastedTokenWithALineBreakIsStillTheToken() {
        ConsoleSession admin = new ConsoleSession(port);

        assertThat(admin.signIn(ApiClient.ADMIN_TOKEN + "\n").location()).endsWith("/console");
        assertThat(admin.get("/console/lti").status()).isEqualTo(200);
    }

    @Test
    void aWrongTokenShowsTheFormAgainWithAMessageAndStartsNoSession(CapturedOutput output) {
        ConsoleSession stranger = new ConsoleSession(port);

        Page refused = stranger.signIn(WRONG);

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/console/login?refused");
        assertThat(stranger.cookies()).doesNotContainKey("JSESSIONID");
        Page form = stranger.get(refused.location().substring(refused.location().indexOf("/console")));
        assertThat(form.status()).as(form.location() + " " + form.setCookies()).isEqualTo(200);
        assertThat(form.body()).contains("That is not the admin token", "name=\"token\"").doesNotContain(WRONG);
        assertThat(stranger.cookies()).doesNotContainKey("JSESSIONID");
        assertThat(stranger.get("/console").status()).isEqualTo(302);
        assertThat(output.getAll()).doesNotContain(WRONG).doesNotContain(ApiClient.ADMIN_TOKEN);
    }

    @Test
    void everyConsolePageSendsAStrangerToTheSignInWithoutOpeningASession() {
        ConsoleSession stranger = new ConsoleSession(port);

        for (String path : new String[]{"/console", "/console/lti", "/console/hr-sync", "/console/hr-sync/runs/x"}) {
            Page page = stranger.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/console/login");
        }
        assertThat(stranger.forge("/console/hr-sync/runs", Map.of()).status()).isIn(302, 403);
        assertThat(stranger.cookies()).doesNotContainKey("JSESSIONID");
        assertThat(stranger.get("/console/console.css").status()).isEqualTo(200);
    }

    @Test
    void theApiBearerTokenDoesNotOpenTheConsole() {
        Page page = new ConsoleSession(port).get("/console");

        assertThat(new ApiClient(port).get("/console").status()).isEqualTo(302);
        assertThat(page.status()).isEqualTo(302);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        ConsoleSession admin = new ConsoleSession(port);
        admin.signIn(ApiClient.ADMIN_TOKEN);

        Page forged = admin.forge("/console/lti", Map.of("issuer", "https://forged.example.com", "clientId", "forged",
                "authorizationEndpoint", "https://forged.example.com/auth", "jwksUri", "https://forged.example.com/jwks"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(new ApiClient(port).get("/api/v1/lti/registrations").raw()).doesNotContain("forged.example.com");
        assertThat(new ConsoleSession(port).forge("/console/login", Map.of("token", ApiClient.ADMIN_TOKEN)).status())
                .isEqualTo(403);
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleSession admin = new ConsoleSession(port);
        admin.signIn(ApiClient.ADMIN_TOKEN);
        admin.get("/console");

        Page out = admin.submit("/console/logout", Map.of());

        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).endsWith("/console/login?signed-out");
        assertThat(admin.get("/console").status()).isEqualTo(302);
    }
}
