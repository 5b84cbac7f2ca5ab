package dev.waypoint.app.config;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

class HotPathObservationsTest {

    private final ObservationPredicate predicate = new HotPathObservations().hotPathsWithoutSecurityObservations();

    @AfterEach
    void forgetRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void securityObservationsAreLeftOutOfLaunchesAndStatementPosts() {
        for (String path : new String[]{"/lti/launch", "/xapi/statements"}) {
            during(path);
            assertThat(predicate.test("spring.security.filterchains", new Observation.Context())).as(path).isFalse();
            assertThat(predicate.test("http.server.requests", new Observation.Context())).as(path).isTrue();
        }
    }

    @Test
    void otherPathsKeepTheirSecurityObservations() {
        during("/api/v1/people");

        assertThat(predicate.test("spring.security.filterchains", new Observation.Context())).isTrue();
    }

    private static void during(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
