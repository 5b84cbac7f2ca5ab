package dev.waypoint.core;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable tokens (LTI state and nonce, session ids, the generated admin token, OAuth2 state): random
 * bytes from one shared {@link SecureRandom}, URL-safe Base64 without padding, so they fit in a cookie, a
 * query parameter or a form field unescaped.
 */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    public static String urlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
