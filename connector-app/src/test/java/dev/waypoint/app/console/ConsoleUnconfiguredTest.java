package dev.waypoint.app.console;

import dev.waypoint.app.lti.ToolBrowser.Page;
import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console of a server with no Canvas, no polled LRS and no HR output: it says so instead of failing. */
@ServerTest
class ConsoleUnconfiguredTest {

    /** A database of its own: Canvas tenants stored by other tests in the shared one would count as configured. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:waypoint-unconfigured-test;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    @LocalServerPort
    int port;

    @Test
    void runNowExplainsThatNoHrOutputIsConfigured() {
        ConsoleSession admin = new ConsoleSession(port);
        admin.signIn(ApiClient.ADMIN_TOKEN);
        assertThat(admin.get("/console/hr-sync").body()).contains("No tenant has an HR output configured");

        Page refused = admin.submit("/console/hr-sync/runs", Map.of());

        assertThat(refused.status()).isEqualTo(302);
        assertThat(admin.get("/console/hr-sync").body())
                .contains("Not started: no tenant has an HR sync output configured. Configure waypoint.hr-sync.tenants");
    }

    @Test
    void theOverviewSaysWhichSourcesAreNotConfigured() {
        ConsoleSession admin = new ConsoleSession(port);
        admin.signIn(ApiClient.ADMIN_TOKEN);

        Page overview = admin.get("/console");

        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("No Canvas is configured", "No external LRS is polled");
    }
}
