package dev.waypoint.core.lti;

import java.util.Map;

/**
 * A platform's OpenID configuration as Dynamic Registration 1.0 fetches it (§3.4 "Platform
 * OpenID Configuration"; §3.4.1: the issuer must be a prefix of the configuration URL's origin, so a
 * page cannot register us against a platform it does not speak for) and the registration answer
 * (§3.6 "Client registration response": client_id, and Moodle's deployment_id in the tool configuration).
 * The issuer is not compared with the configuration URL's host: Canvas serves its configuration from
 * sso.canvaslms.com (or a school's own host) under the issuer https://canvas.instructure.com. What binds
 * the registration to the platform is the one-time registration token the platform itself checks.
 */
public record PlatformConfiguration(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
                                    String registrationEndpoint, String productFamily) {

    @SuppressWarnings("unchecked")
    public static PlatformConfiguration read(Map<String, Object> json) {
        String issuer = required(json, "issuer");
        return new PlatformConfiguration(issuer, required(json, "authorization_endpoint"),
                required(json, "token_endpoint"), required(json, "jwks_uri"), required(json, "registration_endpoint"),
                json.get(ToolConfiguration.PLATFORM_CONFIGURATION) instanceof Map<?, ?> platform
                        ? String.valueOf(((Map<String, Object>) platform).getOrDefault("product_family_code", "")) : "");
    }

    /** The client id, and the deployment id when the platform names one (Moodle does, Canvas does not). */
    @SuppressWarnings("unchecked")
    public static Registered registered(Map<String, Object> answer) {
        String clientId = required(answer, "client_id");
        String deploymentId = null;
        if (answer.get(ToolConfiguration.TOOL_CONFIGURATION) instanceof Map<?, ?> tool) {
            Object value = ((Map<String, Object>) tool).get("deployment_id");
            deploymentId = value == null ? null : String.valueOf(value);
        }
        return new Registered(clientId, deploymentId);
    }

    private static String required(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalArgumentException("the platform's answer lacks " + name);
        }
        return String.valueOf(value);
    }

    public record Registered(String clientId, String deploymentId) {
    }
}
