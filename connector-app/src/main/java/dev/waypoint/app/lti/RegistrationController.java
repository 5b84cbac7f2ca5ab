package dev.waypoint.app.lti;

import dev.waypoint.app.api.ApiException;
import dev.waypoint.app.api.FieldProblem;
import dev.waypoint.core.lti.Registration;
import dev.waypoint.core.lti.RegistrationRepository;
import dev.waypoint.core.store.TenantRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Admin API for LTI platform registrations made by hand (dynamic registration stores its own). */
@RestController
@RequestMapping("/api/v1/lti/registrations")
@Tag(name = "LTI registrations", description = "Platforms Waypoint is installed in, keyed by issuer and client id")
public class RegistrationController {

    private final RegistrationRepository registrations;
    private final TenantRepository tenants;
    private final PlatformOrigins origins;
    private final Clock clock;

    public RegistrationController(RegistrationRepository registrations, TenantRepository tenants,
                                  PlatformOrigins origins, Clock clock) {
        this.registrations = registrations;
        this.tenants = tenants;
        this.origins = origins;
        this.clock = clock;
    }

    @Operation(summary = "List registrations with their deployments")
    @GetMapping
    public List<RegistrationView> list() {
        return registrations.list().stream().map(this::view).toList();
    }

    @Operation(summary = "Register a platform by hand (issuer, client id, endpoints, deployments)")
    @PostMapping
    public ResponseEntity<RegistrationView> create(@RequestBody RegistrationBody body) {
        List<FieldProblem> errors = new ArrayList<>();
        required(body.issuer(), "issuer", errors);
        required(body.clientId(), "clientId", errors);
        url(body.authorizationEndpoint(), "authorizationEndpoint", true, errors);
        url(body.jwksUri(), "jwksUri", true, errors);
        url(body.tokenEndpoint(), "tokenEndpoint", false, errors);
        String tenant = body.tenant() == null ? TenantRepository.DEFAULT_TENANT : body.tenant();
        if (tenants.find(tenant).isEmpty()) {
            errors.add(new FieldProblem("tenant", "no tenant '" + tenant + "'"));
        }
        if (errors.isEmpty() && registrations.find(body.issuer(), body.clientId()).isPresent()) {
            errors.add(new FieldProblem("clientId", "already registered for this issuer"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Registration saved = registrations.save(new Registration(UUID.randomUUID().toString(), tenant, body.issuer(),
                body.clientId(), body.authorizationEndpoint(), body.tokenEndpoint(), body.jwksUri(), true, clock.instant()));
        if (body.deploymentIds() != null) {
            body.deploymentIds().forEach(d -> registrations.recordDeployment(saved.id(), d));
        }
        origins.changed();
        return ResponseEntity.status(HttpStatus.CREATED).body(view(saved));
    }

    @Operation(summary = "Activate or deactivate a registration")
    @PostMapping("/{id}/activation")
    public RegistrationView activate(@PathVariable String id, @RequestBody Activation body) {
        registrations.findById(id).orElseThrow(() -> ApiException.invalid("id", "no registration '" + id + "'"));
        registrations.activate(id, body.active());
        return view(registrations.findById(id).orElseThrow());
    }

    private RegistrationView view(Registration r) {
        return new RegistrationView(r.id(), r.tenantId(), r.issuer(), r.clientId(), r.authorizationEndpoint(),
                r.tokenEndpoint(), r.jwksUri(), r.active(), registrations.deployments(r.id()));
    }

    private static void required(String value, String field, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldProblem(field, "is required"));
        }
    }

    private static void url(String value, String field, boolean required, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
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

    public record RegistrationBody(String issuer, String clientId, String authorizationEndpoint, String tokenEndpoint,
                                   String jwksUri, String tenant, List<String> deploymentIds) {
    }

    public record Activation(boolean active) {
    }

    public record RegistrationView(String id, String tenant, String issuer, String clientId,
                                   String authorizationEndpoint, String tokenEndpoint, String jwksUri, boolean active,
                                   List<String> deploymentIds) {
    }
}
