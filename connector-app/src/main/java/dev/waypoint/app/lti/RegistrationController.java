package dev.waypoint.app.lti;

import dev.waypoint.app.api.ApiException;
import dev.waypoint.core.lti.Registration;
import dev.waypoint.core.lti.RegistrationRepository;
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

import java.util.List;

/**
 * Admin API for LTI platform registrations made by hand (dynamic registration stores its own); the
 * checks and the storing are {@link ManualRegistration}'s, shared with the console's form.
 */
@RestController
@RequestMapping("/api/v1/lti/registrations")
@Tag(name = "LTI registrations", description = "Platforms Waypoint is installed in, keyed by issuer and client id")
public class RegistrationController {

    private final RegistrationRepository registrations;
    private final ManualRegistration manual;

    public RegistrationController(RegistrationRepository registrations, ManualRegistration manual) {
        this.registrations = registrations;
        this.manual = manual;
    }

    @Operation(summary = "List registrations with their deployments")
    @GetMapping
    public List<RegistrationView> list() {
        return registrations.list().stream().map(this::view).toList();
    }

    @Operation(summary = "Register a platform by hand (issuer, client id, endpoints, deployments); "
            + "for a Canvas cloud issuer the client id is enough")
    @PostMapping
    public ResponseEntity<RegistrationView> create(@RequestBody RegistrationBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(view(manual.register(body)));
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
