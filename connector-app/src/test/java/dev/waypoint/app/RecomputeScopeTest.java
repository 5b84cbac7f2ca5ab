package dev.waypoint.app;

import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.ServerTest;
import dev.waypoint.core.engine.ReadinessRecompute;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** New evidence recomputes the person it is about, and nobody else; a duplicate recomputes no one. */
@ServerTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:waypoint-recompute-test;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class RecomputeScopeTest {

    @LocalServerPort
    int port;

    @MockitoSpyBean
    ReadinessRecompute recompute;

    @Test
    void evidenceRecomputesOnlyItsPerson() {
        ApiClient api = new ApiClient(port);
        String alice = person(api, "alice@scope.example.com");
        String bob = person(api, "bob@scope.example.com");
        clearInvocations(recompute);

        assertThat(endorse(api, alice, "e-1").status()).isEqualTo(201);
        verify(recompute, times(1)).recompute("default", alice);
        verify(recompute, never()).recompute(anyString(), eq(bob));

        clearInvocations(recompute);
        assertThat(endorse(api, alice, "e-1").status()).as("the same fact again").isEqualTo(200);
        verify(recompute, never()).recompute(anyString(), anyString());
    }

    private static String person(ApiClient api, String email) {
        return api.postJson("/api/v1/people", """
                {"identities":[{"kind":"email","value":"%s"}],"currentRole":"analytics.analyst"}""".formatted(email))
                .body().path("id").asText();
    }

    private static ApiClient.Answer endorse(ApiClient api, String personId, String externalId) {
        return api.postJson("/api/v1/evidence", """
                {"personId":"%s","kind":"manager_endorsement","skills":[{"skill":"sql","level":3}],
                 "occurredAt":"2026-05-01T00:00:00Z","source":"hr","externalId":"%s"}""".formatted(personId, externalId));
    }
}
