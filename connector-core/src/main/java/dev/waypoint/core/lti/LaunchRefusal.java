package dev.waypoint.core.lti;

/**
 * Why a login or a launch was refused: each reason is a check of the LTI Security Framework 1.0
 * §5.1.3 "Authentication response validation" or of LTI Core 1.3 §5.3, with the words a page and a
 * log line use. Refusals never say more than the reason (no token contents).
 */
public enum LaunchRefusal {
    MALFORMED_TOKEN("the id_token is not a well-formed signed JWT"),
    OVERSIZED_REQUEST("the launch request is larger than any real launch"),
    ALGORITHM_NOT_ALLOWED("the id_token is not signed with RS256"),
    BAD_SIGNATURE("the id_token signature does not match the platform's key"),
    UNKNOWN_KEY("the id_token is signed with a key the platform does not publish"),
    PLATFORM_KEYS_UNAVAILABLE("the platform's keys could not be fetched"),
    EXPIRED("the id_token has expired"),
    ISSUED_IN_FUTURE("the id_token is issued in the future"),
    WRONG_ISSUER("the id_token comes from another platform than the login"),
    WRONG_AUDIENCE("the id_token is meant for another tool"),
    AZP_MISMATCH("the id_token's authorized party is not this tool"),
    UNKNOWN_PLATFORM("the platform is not registered"),
    UNKNOWN_CLIENT("the client id is not registered for this platform"),
    INACTIVE_REGISTRATION("the registration is not activated yet"),
    MISSING_STATE("the launch carries no state"),
    STATE_MISMATCH("the launch state does not match the login of this browser"),
    UNKNOWN_STATE("the launch state was never issued or has expired"),
    NONCE_MISMATCH("the id_token nonce is not the one issued at login"),
    REPLAYED("this launch was already used"),
    MISSING_CLAIM("a required claim is missing"),
    WRONG_MESSAGE_TYPE("the message type is not one this tool handles"),
    WRONG_VERSION("the LTI version is not 1.3.0"),
    FOREIGN_TARGET("the target link URI is not this tool's"),
    FOREIGN_DEPLOYMENT("the deployment belongs to another client of this platform"),
    BAD_LOGIN_REQUEST("the login initiation request lacks a required parameter");

    private final String description;

    LaunchRefusal(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
