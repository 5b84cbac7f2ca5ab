package dev.waypoint.app.canvas;

import dev.waypoint.app.lti.PlatformServices;
import dev.waypoint.core.lti.RegistrationRepository;
import dev.waypoint.canvas.CanvasAgsTokens;
import dev.waypoint.core.lti.Registration;

import java.net.URI;
import java.util.List;

/**
 * Canvas AGS tokens from the tenant's LTI registration: the client-credentials grant with a
 * private_key_jwt assertion (LTI Security Framework 1.0 §4.1), through the LTI services' token cache.
 * The registration is the tenant's active one on a Canvas cloud issuer (instructure.com), or, for a
 * self-hosted Canvas, the tenant's only active registration. When none fits, or the platform refuses
 * the token, the write stays in the outbox and is retried.
 */
public class LtiCanvasAgsTokens implements CanvasAgsTokens {

    private final RegistrationRepository registrations;
    private final PlatformServices services;

    public LtiCanvasAgsTokens(RegistrationRepository registrations, PlatformServices services) {
        this.registrations = registrations;
        this.services = services;
    }

    @Override
    public String bearerFor(String tenantId, List<String> scopes) {
        Registration registration = registrationOf(tenantId);
        try {
            return services.token(registration, scopes);
        } catch (PlatformServices.ServiceFailure failure) {
            throw new Unavailable("Canvas refused an AGS token for tenant '" + tenantId + "': " + failure.getMessage());
        }
    }

    private Registration registrationOf(String tenantId) {
        List<Registration> active = registrations.list().stream()
                .filter(r -> r.active() && r.tenantId().equals(tenantId))
                .toList();
        List<Registration> cloud = active.stream().filter(LtiCanvasAgsTokens::onCanvasCloud).toList();
        if (cloud.size() == 1) {
            return cloud.get(0);
        }
        if (cloud.isEmpty() && active.size() == 1) {
            return active.get(0);
        }
        throw new Unavailable(active.isEmpty()
                ? "tenant '" + tenantId + "' has no active LTI registration, so no AGS token can be had for Canvas; "
                        + "register Waypoint in Canvas (docs/lti.md)"
                : "tenant '" + tenantId + "' has " + active.size() + " active LTI registrations and none is clearly "
                        + "its Canvas; keep one per tenant");
    }

    private static boolean onCanvasCloud(Registration registration) {
        String host = URI.create(registration.issuer()).getHost();
        return host != null && (host.equals("instructure.com") || host.endsWith(".instructure.com"));
    }
}
