package dev.waypoint.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waypoint.app.lti.ToolBrowser.Page;
import dev.waypoint.app.support.ApiClient.Answer;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static dev.waypoint.app.console.ConsoleOverviewTest.row;
import static org.assertj.core.api.Assertions.assertThat;

/** LTI registrations in the console: the list, the manual registration form with the API's validation, activation. */
class ConsoleLtiRegistrationsTest extends SignedInConsole {


    @Test
    void listsRegistrationsWithDeploymentsTenantAndStatusAndTheUrlsToPaste() {
        String client = "listed-" + UUID.randomUUID();
        String id = pendingThroughApi("moodle.listed.example.com", client, "[\"7\",\"8\"]");

        Page page = admin.get("/console/lti");

        String row = row(page.body(), "registration-" + id);
        assertThat(row).contains("https://moodle.listed.example.com", client, "<li>7</li>", "<li>8</li>",
                "<td>default</td>", ">pending<", ">Activate<");
        assertThat(page.body()).contains("/lti/register</code>", "/lti/login</code>", "/lti/launch</code>",
                "/.well-known/jwks.json</code>", "/lti/canvas.json</code>");
    }

    @Test
    void aValidFormRegistersThePlatformAndListsIt() {
        String client = "form-" + UUID.randomUUID();
        admin.get("/console/lti");

        Page saved = admin.submit("/console/lti", form("https://canvas.form.example.com", client,
                "https://canvas.form.example.com/api/lti/authorize_redirect", "https://canvas.form.example.com/login/oauth2/token",
                "https://canvas.form.example.com/api/lti/security/jwks", "", "11\n12, 13"));

        assertThat(saved.status()).isEqualTo(302);
        Page page = admin.get("/console/lti");
        assertThat(page.body()).contains("Registered https://canvas.form.example.com (client " + client + ")");
        JsonNode registration = registration(client);
        assertThat(registration.path("active").asBoolean()).isTrue();
        assertThat(registration.path("tenant").asText()).isEqualTo("default");
        assertThat(registration.path("tokenEndpoint").asText()).isEqualTo("https://canvas.form.example.com/login/oauth2/token");
        assertThat(registration.path("deploymentIds").toString()).isEqualTo("[\"11\",\"12\",\"13\"]");
        assertThat(row(page.body(), "registration-" + registration.path("id").asText())).contains(client, ">active<");
    }

    @Test
    void anInvalidFormShowsEachProblemNextToItsFieldAndSavesNothing() {
        String client = "invalid-" + UUID.randomUUID();
        admin.get("/console/lti");

        Page refused = admin.submit("/console/lti", form("", client, "ftp://moodle.example.com/auth", "not a url",
                "", "no-such-tenant", "3"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Nothing was saved")
                .containsPattern("id=\"issuer-problem\">Issuer is required<")
                .containsPattern("id=\"authorizationEndpoint-problem\">Authentication request URL must be an http\\(s\\) URL<")
                .containsPattern("id=\"tokenEndpoint-problem\">[^<]*must be an http\\(s\\) URL<")
                .containsPattern("id=\"jwksUri-problem\">Public keyset URL is required<")
                .contains("id=\"tenant-problem\">Tenant no tenant &#39;no-such-tenant&#39;<")
                .doesNotContain("id=\"clientId-problem\"")
                .contains("value=\"" + client + "\"", "value=\"ftp://moodle.example.com/auth\"", "aria-invalid=\"true\"");
        assertThat(api.get("/api/v1/lti/registrations").raw()).doesNotContain(client);
    }

    @Test
    void aSecondRegistrationOfTheSameClientIsRefusedAtTheClientIdField() {
        String client = "twice-" + UUID.randomUUID();
        Map<String, String> fields = form("https://twice.example.com", client, "https://twice.example.com/auth", "",
                "https://twice.example.com/jwks", "default", "");
        admin.get("/console/lti");
        assertThat(admin.submit("/console/lti", fields).status()).isEqualTo(302);
        admin.get("/console/lti");

        Page again = admin.submit("/console/lti", fields);

        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("id=\"clientId-problem\">Client id already registered for this issuer<");
    }

    @Test
    void aPendingRegistrationIsActivated() {
        String client = "pending-" + UUID.randomUUID();
        String id = pendingThroughApi("moodle.pending.example.com", client, "[]");
        assertThat(registration(client).path("active").asBoolean()).isFalse();
        admin.get("/console/lti");

        Page activated = admin.submit("/console/lti/" + id + "/activation", Map.of("active", "true"));

        assertThat(activated.status()).isEqualTo(302);
        assertThat(registration(client).path("active").asBoolean()).isTrue();
        Page page = admin.get("/console/lti");
        assertThat(page.body()).contains("Activated https://moodle.pending.example.com");
        assertThat(row(page.body(), "registration-" + id)).contains(">active<", ">Deactivate<");
    }

    /** A registration made through the admin API and deactivated, as Moodle's dynamic registration leaves one. */
    private String pendingThroughApi(String host, String client, String deployments) {
        Answer created = api.postJson("/api/v1/lti/registrations", """
                {"issuer":"https://%1$s","clientId":"%2$s","authorizationEndpoint":"https://%1$s/mod/lti/auth.php",
                 "jwksUri":"https://%1$s/mod/lti/certs.php","deploymentIds":%3$s}""".formatted(host, client, deployments));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().path("id").asText();
        api.postJson("/api/v1/lti/registrations/" + id + "/activation", "{\"active\":false}");
        return id;
    }

    private JsonNode registration(String clientId) {
        Answer all = api.get("/api/v1/lti/registrations");
        for (JsonNode registration : all.body()) {
            if (registration.path("clientId").asText().equals(clientId)) {
                return registration;
            }
        }
        throw new AssertionError("no registration of client " + clientId + " in " + all.raw());
    }

    private static Map<String, String> form(String issuer, String clientId, String auth, String token, String jwks,
                                            String tenant, String deployments) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("issuer", issuer);
        form.put("clientId", clientId);
        form.put("authorizationEndpoint", auth);
        form.put("tokenEndpoint", token);
        form.put("jwksUri", jwks);
        form.put("tenant", tenant);
        form.put("deploymentIds", deployments);
        return form;
    }
}
