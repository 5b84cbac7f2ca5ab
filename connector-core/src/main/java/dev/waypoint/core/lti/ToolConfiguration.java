package dev.waypoint.core.lti;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Waypoint tells a platform about itself: the client registration request of LTI Dynamic
 * Registration 1.0 (§3.5.1 "Tool Configuration" with the {@code lti-tool-configuration} claim, §3.5.2)
 * and Canvas's developer-key JSON configuration. Moodle requires {@code domain} equal to the host and
 * port of the target link URI; the AGS and NRPS scopes switch its grade and roster services on, the
 * name and email claims its sharing of them; Canvas reads its placements and privacy level from the
 * {@code https://canvas.instructure.com/lti/…} keys.
 */
public final class ToolConfiguration {

    public static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";
    public static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";
    public static final String NAME = "Waypoint";
    public static final String DESCRIPTION = "Your readiness for your next roles and the learning path to get there.";
    public static final List<String> SCOPES = List.of(AgsRequests.SCOPE_LINE_ITEM,
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly", AgsRequests.SCOPE_SCORE, NrpsPage.SCOPE);

    private ToolConfiguration() {
    }

    public static Map<String, Object> registrationRequest(ToolEndpoints tool) {
        Map<String, Object> lti = new LinkedHashMap<>();
        lti.put("domain", domain(tool.launchUrl()));
        lti.put("description", DESCRIPTION);
        lti.put("target_link_uri", tool.launchUrl());
        lti.put("claims", List.of("iss", "sub", "name", "given_name", "family_name", "email"));
        lti.put("messages", List.of(
                Map.of("type", LtiClaims.RESOURCE_LINK_REQUEST, "label", "My career path", "target_link_uri", tool.launchUrl(),
                        "placements", List.of("course_navigation")),
                Map.of("type", LtiClaims.DEEP_LINKING_REQUEST, "label", "Add My career path", "target_link_uri", tool.launchUrl(),
                        "placements", List.of("ContentArea", "link_selection"))));
        lti.put("https://canvas.instructure.com/lti/privacy_level", "public");
        lti.put("https://canvas.instructure.com/lti/course_navigation/default_enabled", true);

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("application_type", "web");
        request.put("response_types", List.of("id_token"));
        request.put("grant_types", List.of("implicit", "client_credentials"));
        request.put("initiate_login_uri", tool.loginUrl());
        request.put("redirect_uris", List.of(tool.launchUrl()));
        request.put("client_name", NAME);
        request.put("jwks_uri", tool.jwksUrl());
        request.put("token_endpoint_auth_method", "private_key_jwt");
        request.put("scope", String.join(" ", SCOPES));
        request.put(TOOL_CONFIGURATION, lti);
        return request;
    }

    /** Canvas's "Enter URL" developer-key configuration (served at /lti/canvas.json). */
    public static Map<String, Object> canvasDeveloperKey(ToolEndpoints tool) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("placements", List.of(
                Map.of("placement", "course_navigation", "message_type", LtiClaims.RESOURCE_LINK_REQUEST,
                        "target_link_uri", tool.launchUrl(), "text", "My career path"),
                Map.of("placement", "link_selection", "message_type", LtiClaims.DEEP_LINKING_REQUEST,
                        "target_link_uri", tool.launchUrl(), "text", "Add My career path")));
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("platform", "canvas.instructure.com");
        extension.put("domain", URI.create(tool.launchUrl()).getHost());
        extension.put("privacy_level", "public");
        extension.put("settings", settings);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("title", NAME);
        config.put("description", DESCRIPTION);
        config.put("oidc_initiation_url", tool.loginUrl());
        config.put("target_link_uri", tool.launchUrl());
        config.put("public_jwk_url", tool.jwksUrl());
        config.put("scopes", SCOPES);
        config.put("extensions", List.of(extension));
        config.put("custom_fields", Map.of("canvas_user_id", "$Canvas.user.id", "canvas_course_id", "$Canvas.course.id"));
        return config;
    }

    /** Host and port, as Moodle compares them with the target link URI's. */
    static String domain(String url) {
        URI uri = URI.create(url);
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}
