package dev.waypoint.app.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A whole Waypoint server on a random port with its own in-memory H2 database, the sample taxonomy,
 * a fixed clock and a known admin token. Test classes that use it share one server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:waypoint-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "waypoint.admin-token=" + ApiClient.ADMIN_TOKEN,
        "waypoint.outbox.poll-every=1h",
        "waypoint.max-taxonomy-bytes=200000"})
@Import(FixedClockConfiguration.class)
public @interface ServerTest {
}
