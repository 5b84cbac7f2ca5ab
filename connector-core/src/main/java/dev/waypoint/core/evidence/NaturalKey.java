package dev.waypoint.core.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The natural key of a fact: the source's own id where it gives one, else a hash of what makes the
 * fact the same fact (so that a resent batch without ids is still recognised).
 */
public final class NaturalKey {

    private NaturalKey() {
    }

    public static String of(String sourceSystem, String externalId) {
        return sourceSystem + ":" + externalId;
    }

    /** {@code sha256:<hex>} over the parts, separated so that ("ab","c") and ("a","bc") differ. */
    public static String contentHash(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0x1f);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
