package dev.waypoint.core.lti;

import java.time.Instant;

/**
 * One of the tool's signing keys (LTI Security Framework 1.0 §6 "Message security and key management").
 * The private part is held as a JWK document and never leaves the key store but to sign.
 *
 * @param retiredAt when a newer key took over signing; null for the key that signs now
 */
public record ToolKey(String kid, String privateJwk, Instant createdAt, Instant retiredAt) {

    @Override
    public String toString() {
        return "ToolKey[" + kid + ", created " + createdAt + ", retired " + retiredAt + "]";
    }
}
