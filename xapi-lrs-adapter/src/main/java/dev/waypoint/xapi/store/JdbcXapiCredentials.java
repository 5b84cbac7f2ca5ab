package dev.waypoint.xapi.store;

import dev.waypoint.core.Sha256;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Basic-auth credentials LRS clients (a Moodle's logstore_xapi, a course player) send statements with,
 * one tenant each, in {@code xapi_credential}. The secret is 32 random bytes shown once at creation; only its
 * SHA-256 is stored. A fast unsalted hash is enough for a random secret of that length (nothing to guess)
 * and keeps the check cheap on every request, where a password hash would dominate ingestion time.
 * A credential found is remembered for {@value #REMEMBER_SECONDS} s, so a client sending many requests costs
 * one query per interval; a revocation is immediate on this node and takes up to that long on others.
 */
public class JdbcXapiCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final long REMEMBER_SECONDS = 30;

    /** Stored hash and tenant of credentials looked up lately; only keys that exist get in, so it stays small. */
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(String secretHash, String tenantId, long until) {
    }

    private final JdbcTemplate jdbc;

    public JdbcXapiCredentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new credential: the key and the secret, which is never stored or shown again. */
    public record Issued(String key, String secret, String tenantId, String label, Instant createdAt) {
    }

    public record Credential(String key, String tenantId, String label, Instant createdAt) {
    }

    public Issued issue(String tenantId, String label, Instant now) {
        String key = "xk_" + HexFormat.of().formatHex(random(12));
        String secret = HexFormat.of().formatHex(random(32));
        jdbc.update("INSERT INTO xapi_credential (api_key, secret_hash, tenant_id, label, created_at) VALUES (?, ?, ?, ?, ?)",
                key, hash(secret), tenantId, label, now.atOffset(ZoneOffset.UTC));
        return new Issued(key, secret, tenantId, label, now);
    }

    /** The tenant of a key whose secret matches; empty for an unknown key or a wrong secret. */
    public Optional<String> tenantOf(String key, String secret) {
        Remembered known = remembered.get(key);
        if (known == null || known.until() < System.nanoTime()) {
            List<Remembered> rows = jdbc.query("SELECT secret_hash, tenant_id FROM xapi_credential WHERE api_key = ?",
                    (rs, n) -> new Remembered(rs.getString(1), rs.getString(2),
                            System.nanoTime() + TimeUnit.SECONDS.toNanos(REMEMBER_SECONDS)), key);
            if (rows.isEmpty()) {
                remembered.remove(key);
                return Optional.empty();
            }
            known = rows.get(0);
            remembered.put(key, known);
        }
        boolean matches = MessageDigest.isEqual(known.secretHash().getBytes(StandardCharsets.US_ASCII),
                hash(secret).getBytes(StandardCharsets.US_ASCII));
        return matches ? Optional.of(known.tenantId()) : Optional.empty();
    }

    public List<Credential> list() {
        return jdbc.query("SELECT api_key, tenant_id, label, created_at FROM xapi_credential ORDER BY created_at, api_key",
                (rs, n) -> new Credential(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, java.time.OffsetDateTime.class).toInstant()));
    }

    public boolean revoke(String key) {
        remembered.remove(key);
        return jdbc.update("DELETE FROM xapi_credential WHERE api_key = ?", key) > 0;
    }

    static String hash(String secret) {
        return Sha256.hex(secret);
    }

    private static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return b;
    }
}
