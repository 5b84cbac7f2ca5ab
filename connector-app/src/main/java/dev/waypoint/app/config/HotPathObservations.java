package dev.waypoint.app.config;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Set;

/**
 * Leaves Spring Security's per-filter observations out of the two endpoints that take traffic at volume, the
 * xAPI statement POST and the LTI launch: there they cost up to a tenth of the server's CPU (an event per filter
 * of the chain) and say nothing the request's own {@code http.server.requests} metric, which stays, does not.
 * Other paths keep them.
 */
@Configuration(proxyBeanMethods = false)
class HotPathObservations {

    private static final Set<String> HOT_PATHS = Set.of("/xapi/statements", "/lti/launch");

    @Bean
    ObservationPredicate hotPathsWithoutSecurityObservations() {
        return (name, context) -> !(name.startsWith("spring.security.") && hotPath());
    }

    private static boolean hotPath() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && HOT_PATHS.contains(attributes.getRequest().getServletPath());
    }
}
