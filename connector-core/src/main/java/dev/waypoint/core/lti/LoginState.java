package dev.waypoint.core.lti;

import java.time.Instant;

/**
 * What the tool remembers between the login initiation and the launch (LTI Security Framework 1.0
 * §5.1.1.2 "Authentication request": state and nonce): the state the browser must bring back, the
 * nonce the id_token must carry, and the registration the login was started for.
 */
public record LoginState(String state, String nonce, String registrationId, String targetLinkUri,
                         Instant expiresAt) {
}
