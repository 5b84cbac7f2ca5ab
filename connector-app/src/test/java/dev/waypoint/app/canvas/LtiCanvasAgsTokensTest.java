package dev.waypoint.app.canvas;

import dev.waypoint.app.lti.PlatformServices;
import dev.waypoint.core.lti.RegistrationRepository;
import dev.waypoint.canvas.CanvasAgsTokens;
import dev.waypoint.core.lti.Registration;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Canvas AGS tokens come from the tenant's LTI registration; without one, the write waits in the outbox. */
class LtiCanvasAgsTokensTest {

    private static final List<String> SCOPES = List.of(CanvasAgsTokens.LINE_ITEM_SCOPE, CanvasAgsTokens.SCORE_SCOPE);

    private final RegistrationRepository registrations = mock(RegistrationRepository.class);
    private final PlatformServices services = mock(PlatformServices.class);
    private final LtiCanvasAgsTokens tokens = new LtiCanvasAgsTokens(registrations, services);

    @Test
    void usesTheTenantsCanvasCloudRegistration() {
        Registration moodle = registration("r-moodle", "acme", "https://moodle.acme.example", true);
        Registration canvas = registration("r-canvas", "acme", "https://canvas.instructure.com", true);
        Registration otherTenant = registration("r-other", "globex", "https://canvas.instructure.com", true);
        when(registrations.list()).thenReturn(List.of(moodle, otherTenant, canvas));
        when(services.token(canvas, SCOPES)).thenReturn("ags-token");

        assertThat(tokens.bearerFor("acme", SCOPES)).isEqualTo("ags-token");
        verify(services).token(canvas, SCOPES);
    }

    @Test
    void aSelfHostedCanvasIsTheTenantsOnlyActiveRegistration() {
        Registration selfHosted = registration("r1", "acme", "https://canvas.acme.example", true);
        Registration inactive = registration("r2", "acme", "https://old.acme.example", false);
        when(registrations.list()).thenReturn(List.of(selfHosted, inactive));
        when(services.token(selfHosted, SCOPES)).thenReturn("t");

        assertThat(tokens.bearerFor("acme", SCOPES)).isEqualTo("t");
    }

    @Test
    void noRegistrationLeavesTheWriteWaitingWithAClearReason() {
        when(registrations.list()).thenReturn(List.of(registration("r", "globex", "https://canvas.instructure.com", true)));

        assertThatThrownBy(() -> tokens.bearerFor("acme", SCOPES))
                .isInstanceOf(CanvasAgsTokens.Unavailable.class)
                .hasMessageContaining("tenant 'acme' has no active LTI registration");
    }

    @Test
    void aRefusedTokenIsRetryableNotLost() {
        Registration canvas = registration("r-canvas", "acme", "https://canvas.instructure.com", true);
        when(registrations.list()).thenReturn(List.of(canvas));
        when(services.token(canvas, SCOPES)).thenThrow(new PlatformServices.ServiceFailure("token endpoint answered 401", true));

        assertThatThrownBy(() -> tokens.bearerFor("acme", SCOPES))
                .isInstanceOf(CanvasAgsTokens.Unavailable.class)
                .hasMessageContaining("token endpoint answered 401");
    }

    private static Registration registration(String id, String tenant, String issuer, boolean active) {
        return new Registration(id, tenant, issuer, "client-" + id, issuer + "/auth", issuer + "/token",
                issuer + "/jwks", active, Instant.parse("2026-01-01T00:00:00Z"));
    }
}
