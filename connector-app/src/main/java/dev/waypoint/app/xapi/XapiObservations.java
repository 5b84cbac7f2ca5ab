package dev.waypoint.app.xapi;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Leaves Spring Security's per-filter observations out of {@code /xapi/statements}: on the statement POST they
 * cost about a tenth of the server's CPU (an event per filter of the chain) and say nothing the request's own
 * {@code http.server.requests} metric, which stays, does not. Other paths keep them.
 */
@Configuration(proxyBeanMethods = false)
class XapiObservations {

    @Bean
    ObservationPredicate xapiStatementsWithoutSecurityObservations() {
        return (name, context) -> !(name.startsWith("spring.security.") && statementsRequest());
    }

    private static boolean statementsRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getRequestURI().endsWith("/xapi/statements");
    }
}
