package dev.waypoint.core.lti;

/**
 * The claim names, message types and versions of LTI 1.3 that Waypoint reads and writes
 * (1EdTech LTI Core Specification 1.3, §5.3 "Required message claims" and §5.4 "Optional message claims";
 * Deep Linking 2.0 §4.4; AGS 2.0 §3.1; NRPS 2.0 §3.6).
 */
public final class LtiClaims {

    public static final String PREFIX = "https://purl.imsglobal.org/spec/lti/claim/";
    public static final String MESSAGE_TYPE = PREFIX + "message_type";
    public static final String VERSION = PREFIX + "version";
    public static final String DEPLOYMENT_ID = PREFIX + "deployment_id";
    public static final String TARGET_LINK_URI = PREFIX + "target_link_uri";
    public static final String RESOURCE_LINK = PREFIX + "resource_link";
    public static final String ROLES = PREFIX + "roles";
    public static final String CONTEXT = PREFIX + "context";
    public static final String CUSTOM = PREFIX + "custom";
    public static final String TOOL_PLATFORM = PREFIX + "tool_platform";
    public static final String LAUNCH_PRESENTATION = PREFIX + "launch_presentation";
    public static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    public static final String DEEP_LINKING_CONTENT_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
    public static final String DEEP_LINKING_DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";
    public static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    public static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

    public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    public static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
    public static final String DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse";
    public static final String LTI_VERSION = "1.3.0";

    /** LIS vocabulary (LTI Core §A.2.2); Moodle sends full URIs in id_tokens, short names in NRPS. */
    public static final String ROLE_PREFIX = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

    private LtiClaims() {
    }
}
