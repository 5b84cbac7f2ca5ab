package dev.waypoint.app.lti;

import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.FixedClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;

/**
 * A whole Waypoint server for LTI tests: like the API tests' server, but on a port known before start,
 * because platforms must be told the tool's URLs (login, launch, target link) in advance.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:waypoint-lti-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "waypoint.admin-token=" + ApiClient.ADMIN_TOKEN,
        "waypoint.outbox.poll-every=1h",
        "waypoint.lti.jwks-refresh-min-interval=0s"})
@Import(FixedClockConfiguration.class)
@ContextConfiguration(initializers = LtiServerTest.Port.class)
public @interface LtiServerTest {

    /** Picks a free port once per JVM and points the tool's URL at it. */
    final class Port implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        public static final int PORT = free();

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "server.port=" + PORT, "waypoint.lti.tool-url=http://localhost:" + PORT);
        }

        private static int free() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
