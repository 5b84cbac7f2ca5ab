package dev.waypoint.core.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tool's answer to a deep-linking request (1EdTech Deep Linking 2.0 §4.5 "Deep linking response
 * message" and §3.1 "ltiResourceLink" content item): a JWT signed with the tool's key, issued by the
 * client id to the platform, carrying the deployment id, the request's {@code data} verbatim and one
 * "My career path" resource link — with a line item (§3.1 "lineItem") when the platform accepts one.
 */
public final class DeepLinkingResponse {

    public static final String TITLE = "My career path";

    private DeepLinkingResponse() {
    }

    public static String sign(LaunchMessage request, RSAKey toolKey, String launchUrl, Instant now) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "ltiResourceLink");
        item.put("title", TITLE);
        item.put("text", "Your readiness for your next roles and the path to get there.");
        item.put("url", launchUrl);
        if (request.deepLinkAcceptsLineItem()) {
            item.put("lineItem", Map.of("scoreMaximum", 100, "label", "Readiness", "tag", "waypoint-readiness",
                    "resourceId", "waypoint-readiness"));
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(request.registration().clientId())
                .audience(request.registration().issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", UUID.randomUUID().toString())
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_RESPONSE)
                .claim(LtiClaims.VERSION, LtiClaims.LTI_VERSION)
                .claim(LtiClaims.DEPLOYMENT_ID, request.deploymentId())
                .claim(LtiClaims.DEEP_LINKING_CONTENT_ITEMS, List.of(item));
        if (request.deepLinkData() != null) {
            claims.claim(LtiClaims.DEEP_LINKING_DATA, request.deepLinkData());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(toolKey.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(toolKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the deep-linking response", e);
        }
        return jwt.serialize();
    }
}
