package dev.waypoint.app.console;

import dev.waypoint.app.lti.RegistrationController.RegistrationBody;

import java.util.Arrays;
import java.util.List;

/**
 * The manual-registration form as the admin filled it in, kept as typed so a refused form comes back
 * unchanged. Turned into the API's request body, where blank optional fields mean "left out".
 */
public record RegistrationForm(String issuer, String clientId, String authorizationEndpoint, String tokenEndpoint,
                               String jwksUri, String tenant, String deploymentIds) {

    static RegistrationForm empty() {
        return new RegistrationForm("", "", "", "", "", "default", "");
    }

    RegistrationBody toBody() {
        return new RegistrationBody(trimmed(issuer), trimmed(clientId), trimmed(authorizationEndpoint),
                trimmed(tokenEndpoint), trimmed(jwksUri), trimmed(tenant), deployments());
    }

    /** One deployment id per line (commas also separate), as admins copy them from the LMS. */
    List<String> deployments() {
        if (deploymentIds == null) {
            return List.of();
        }
        return Arrays.stream(deploymentIds.split("[,\\r\\n]+")).map(String::trim).filter(d -> !d.isEmpty())
                .distinct().toList();
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
