package dev.waypoint.core.lti;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A validated LTI 1.3 message (LTI Core 1.3 §5.3 required and §5.4 optional claims; Deep Linking 2.0
 * §4.4.1 settings; AGS 2.0 §3.1 endpoint claim; NRPS 2.0 §3.6.1 service claim). Only what Waypoint uses
 * is kept; everything optional is null or empty when the platform did not send it.
 *
 * @param roles               the roles as full LIS URIs, as they came
 * @param agsLineItems        the AGS line-items container URL (Moodle's carries {@code ?type_id=})
 * @param deepLinkReturnUrl   set for an {@code LtiDeepLinkingRequest} only
 */
public record LaunchMessage(Registration registration, String deploymentId, String messageType, String subject,
                            String name, String email, List<String> roles, String contextId, String contextTitle,
                            String resourceLinkId, String resourceLinkTitle, String targetLinkUri,
                            String agsLineItems, String agsLineItem, List<String> agsScopes,
                            String membershipsUrl, String deepLinkReturnUrl, String deepLinkData,
                            boolean deepLinkAcceptsLineItem, Map<String, Object> custom, Instant expiresAt,
                            boolean newDeployment) {

    public LaunchMessage {
        roles = List.copyOf(roles);
        agsScopes = List.copyOf(agsScopes);
        custom = Map.copyOf(custom);
    }

    /** Instructor, teaching assistant, content developer or administrator (LTI Core §A.2.2, §A.2.3). */
    public boolean teaches() {
        return roles.stream().anyMatch(role -> role.endsWith("#Instructor") || role.endsWith("#TeachingAssistant")
                || role.endsWith("#ContentDeveloper") || role.endsWith("#Administrator")
                || role.endsWith("Instructor#TeachingAssistant"));
    }

    public boolean isDeepLinking() {
        return LtiClaims.DEEP_LINKING_REQUEST.equals(messageType);
    }
}
