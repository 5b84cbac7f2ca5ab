package dev.waypoint.app.hrsync;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The {@code X-Waypoint-Signature} header: {@code sha256=<hex>} of HMAC-SHA256 (RFC 2104) over the exact
 * body bytes with the tenant's shared secret, so the receiver can check the batch came from Waypoint
 * unaltered.
 */
public final class BodySignature {

    public static final String HEADER = "X-Waypoint-Signature";

    private BodySignature() {
    }

    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
