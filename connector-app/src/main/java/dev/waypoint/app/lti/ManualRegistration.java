package dev.waypoint.app.lti;

import dev.waypoint.app.api.ApiException;
import dev.waypoint.app.api.FieldProblem;
import dev.waypoint.app.lti.RegistrationController.RegistrationBody;
import dev.waypoint.core.lti.CanvasCloud;
import dev.waypoint.core.lti.Registration;
import dev.waypoint.core.lti.RegistrationRepository;
import dev.waypoint.core.store.TenantRepository;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A platform registered by hand, from the admin API or the console's form: the field checks, then the
 * stored registration with its deployments. For a Canvas cloud issuer the endpoints may be left out;
 * they are Instructure's {@code sso.canvaslms.com} ones ({@link CanvasCloud}).
 */
@Component
public class ManualRegistration {

    private final RegistrationRepository registrations;
    private final TenantRepository tenants;
    private final PlatformOrigins origins;
    private final Clock clock;

    public ManualRegistration(RegistrationRepository registrations, TenantRepository tenants, PlatformOrigins origins,
                              Clock clock) {
        this.registrations = registrations;
        this.tenants = tenants;
        this.origins = origins;
        this.clock = clock;
    }

    /** What is wrong with the form, field by field; empty when it can be registered. */
    public List<FieldProblem> problems(RegistrationBody body) {
        RegistrationBody filled = withCanvasEndpoints(body);
        List<FieldProblem> errors = new ArrayList<>();
        required(filled.issuer(), "issuer", errors);
        required(filled.clientId(), "clientId", errors);
        url(filled.authorizationEndpoint(), "authorizationEndpoint", true, errors);
        url(filled.jwksUri(), "jwksUri", true, errors);
        url(filled.tokenEndpoint(), "tokenEndpoint", false, errors);
        if (tenants.find(tenantOf(filled)).isEmpty()) {
            errors.add(new FieldProblem("tenant", "no tenant '" + tenantOf(filled) + "'"));
        }
        if (errors.isEmpty() && registrations.find(filled.issuer(), filled.clientId()).isPresent()) {
            errors.add(new FieldProblem("clientId", "already registered for this issuer"));
        }
        return errors;
    }

    /** Stores the registration; refuses with every field problem at once ({@link ApiException}). */
    public Registration register(RegistrationBody body) {
        List<FieldProblem> errors = problems(body);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        RegistrationBody filled = withCanvasEndpoints(body);
        Registration saved = registrations.save(new Registration(UUID.randomUUID().toString(), tenantOf(filled),
                filled.issuer(), filled.clientId(), filled.authorizationEndpoint(), filled.tokenEndpoint(),
                filled.jwksUri(), true, clock.instant()));
        if (filled.deploymentIds() != null) {
            filled.deploymentIds().forEach(d -> registrations.recordDeployment(saved.id(), d));
        }
        origins.changed();
        return saved;
    }

    private static RegistrationBody withCanvasEndpoints(RegistrationBody b) {
        return CanvasCloud.endpoints(b.issuer()).map(canvas -> new RegistrationBody(b.issuer(), b.clientId(),
                        blank(b.authorizationEndpoint()) ? canvas.authorizationEndpoint() : b.authorizationEndpoint(),
                        blank(b.tokenEndpoint()) ? canvas.tokenEndpoint() : b.tokenEndpoint(),
                        blank(b.jwksUri()) ? canvas.jwksUri() : b.jwksUri(), b.tenant(), b.deploymentIds()))
                .orElse(b);
    }

    private static String tenantOf(RegistrationBody body) {
        return body.tenant() == null ? TenantRepository.DEFAULT_TENANT : body.tenant();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void required(String value, String field, List<FieldProblem> errors) {
        if (blank(value)) {
            errors.add(new FieldProblem(field, "is required"));
        }
    }

    private static void url(String value, String field, boolean required, List<FieldProblem> errors) {
        if (blank(value)) {
            if (required) {
                errors.add(new FieldProblem(field, "is required"));
            }
            return;
        }
        try {
            URI uri = URI.create(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                errors.add(new FieldProblem(field, "must be an http(s) URL"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldProblem(field, "must be an http(s) URL"));
        }
    }
}
