package dev.waypoint.core.lti;

import com.nimbusds.jwt.JWTClaimsSet;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the LTI claims of a verified id_token (LTI Core 1.3 §5.3 "Required message claims", §5.4
 * "Optional message claims"; Deep Linking 2.0 §4.4; AGS 2.0 §3.1; NRPS 2.0 §3.6.1) and refuses what a
 * message of its type must carry but does not.
 */
final class LaunchClaims {

    private LaunchClaims() {
    }

    static LaunchMessage read(JWTClaimsSet claims, Registration registration, RegistrationRepository registrations,
                              ToolEndpoints tool) {
        String messageType = LaunchValidator.string(claims, LtiClaims.MESSAGE_TYPE);
        if (messageType == null) {
            throw LaunchValidator.refused(LaunchRefusal.MISSING_CLAIM, "message_type");
        }
        if (!messageType.equals(LtiClaims.RESOURCE_LINK_REQUEST) && !messageType.equals(LtiClaims.DEEP_LINKING_REQUEST)) {
            throw LaunchValidator.refused(LaunchRefusal.WRONG_MESSAGE_TYPE, messageType);
        }
        String version = LaunchValidator.string(claims, LtiClaims.VERSION);
        if (version == null) {
            throw LaunchValidator.refused(LaunchRefusal.MISSING_CLAIM, "version");
        }
        if (!LtiClaims.LTI_VERSION.equals(version)) {
            throw LaunchValidator.refused(LaunchRefusal.WRONG_VERSION, version);
        }
        String deploymentId = LaunchValidator.string(claims, LtiClaims.DEPLOYMENT_ID);
        if (deploymentId == null) {
            throw LaunchValidator.refused(LaunchRefusal.MISSING_CLAIM, "deployment_id");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            // Anonymous launches are legal LTI, but Waypoint shows a person's own data: it needs a sub.
            throw LaunchValidator.refused(LaunchRefusal.MISSING_CLAIM, "sub");
        }
        List<String> roles = strings(claims, LtiClaims.ROLES);
        if (roles == null) {
            throw LaunchValidator.refused(LaunchRefusal.MISSING_CLAIM, "roles");
        }
        boolean deepLinking = messageType.equals(LtiClaims.DEEP_LINKING_REQUEST);
        String targetLinkUri = LaunchValidator.string(claims, LtiClaims.TARGET_LINK_URI);
        if (targetLinkUri == null && !deepLinking) {
            throw LaunchValidator.refused(LaunchRefusal.MISSING_CLAIM, "target_link_uri");
        }
        if (targetLinkUri != null && !tool.isOurs(targetLinkUri)) {
            throw LaunchValidator.refused(LaunchRefusal.FOREIGN_TARGET, targetLinkUri);
        }
        Map<String, Object> resourceLink = LaunchValidator.object(claims, LtiClaims.RESOURCE_LINK);
        String resourceLinkId = text(resourceLink.get("id"));
        if (!deepLinking && resourceLinkId == null) {
            throw LaunchValidator.refused(LaunchRefusal.MISSING_CLAIM, "resource_link.id");
        }
        Map<String, Object> settings = LaunchValidator.object(claims, LtiClaims.DEEP_LINKING_SETTINGS);
        String returnUrl = text(settings.get("deep_link_return_url"));
        if (deepLinking && returnUrl == null) {
            throw LaunchValidator.refused(LaunchRefusal.MISSING_CLAIM, "deep_linking_settings.deep_link_return_url");
        }
        // A first-seen deployment of a known client is accepted and recorded: Canvas names none at registration.
        // One already recorded for another client of the same issuer is not: it is that customer's install.
        List<String> holders = registrations.deploymentHolders(registration.issuer(), deploymentId);
        if (!holders.isEmpty() && !holders.contains(registration.id())) {
            throw LaunchValidator.refused(LaunchRefusal.FOREIGN_DEPLOYMENT, "deployment " + deploymentId);
        }
        boolean newDeployment = holders.isEmpty() && registrations.recordDeployment(registration.id(), deploymentId);
        Map<String, Object> context = LaunchValidator.object(claims, LtiClaims.CONTEXT);
        Map<String, Object> ags = LaunchValidator.object(claims, LtiClaims.AGS_ENDPOINT);
        Map<String, Object> nrps = LaunchValidator.object(claims, LtiClaims.NRPS);
        Map<String, Object> custom = LaunchValidator.object(claims, LtiClaims.CUSTOM);
        Object acceptLineItem = settings.get("accept_lineitem");
        List<String> agsScopes = new ArrayList<>();
        if (ags.get("scope") instanceof List<?> scopes) {
            scopes.forEach(scope -> agsScopes.add(String.valueOf(scope)));
        }
        return new LaunchMessage(registration, deploymentId, messageType, subject,
                LaunchValidator.string(claims, "name"), LaunchValidator.string(claims, "email"), roles,
                text(context.get("id")), text(context.get("title")), resourceLinkId, text(resourceLink.get("title")),
                targetLinkUri, text(ags.get("lineitems")), text(ags.get("lineitem")), agsScopes,
                text(nrps.get("context_memberships_url")), returnUrl, text(settings.get("data")),
                Boolean.TRUE.equals(acceptLineItem), custom, claims.getExpirationTime().toInstant(), newDeployment);
    }

    private static List<String> strings(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringListClaim(name);
        } catch (ParseException e) {
            throw LaunchValidator.refused(LaunchRefusal.MISSING_CLAIM, name + " is not a list of strings");
        }
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
    }
}
