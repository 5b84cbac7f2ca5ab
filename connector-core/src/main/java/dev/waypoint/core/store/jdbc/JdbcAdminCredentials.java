package dev.waypoint.core.store.jdbc;

import dev.waypoint.core.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.regex.Pattern;

/**
 * Admin API credentials in {@code admin_credential}: a name and the SHA-256 of the token, never the
 * token. The caller hashes, with {@link #hashOf(String)}, so the token never reaches this layer and
 * every caller hashes the same way. Tokens are expected to be random and long (32 bytes or more), which
 * is why an unsalted fast hash is enough and a lookup by hash is fine: there is nothing to brute-force
 * and comparing hashes reveals nothing useful about the token. Storing under an existing name replaces
 * that name's token (rotation).
 */
public class JdbcAdminCredentials {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public JdbcAdminCredentials(JdbcClient jdbc, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx);
    }

    /** The stored form of a token: lower-case hex SHA-256 of its UTF-8 bytes. */
    public static String hashOf(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("an admin token must not be empty");
        }
        return Sha256.hex(token);
    }

    public boolean hasAny() {
        return jdbc.sql("SELECT COUNT(*) FROM admin_credential").query(Long.class).single() > 0;
    }

    public void store(String name, String tokenHash) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an admin credential needs a name");
        }
        String hash = checked(tokenHash);
        tx.executeWithoutResult(status -> {
            int inserted = jdbc.sql("""
                            INSERT INTO admin_credential (name, token_hash, created_at)
                            VALUES (:name, :hash, :createdAt)
                            ON CONFLICT DO NOTHING""")
                    .param("name", name)
                    .param("hash", hash)
                    .param("createdAt", SqlTime.param(SqlTime.now()))
                    .update();
            if (inserted == 0) {
                int replaced = jdbc.sql("UPDATE admin_credential SET token_hash = :hash, created_at = :createdAt WHERE name = :name")
                        .param("hash", hash)
                        .param("createdAt", SqlTime.param(SqlTime.now()))
                        .param("name", name)
                        .update();
                if (replaced == 0) {
                    throw new IllegalArgumentException("this token is already stored under another name");
                }
            }
        });
    }

    public boolean matches(String tokenHash) {
        if (tokenHash == null || !SHA256_HEX.matcher(tokenHash).matches()) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM admin_credential WHERE token_hash = :hash")
                .param("hash", tokenHash)
                .query(Long.class)
                .single() > 0;
    }

    /** Refuses anything but a hash, so a raw token can never be stored by mistake. */
    private static String checked(String tokenHash) {
        if (tokenHash == null || !SHA256_HEX.matcher(tokenHash).matches()) {
            throw new IllegalArgumentException("expected the token's SHA-256 as 64 lower-case hex digits; use hashOf(token)");
        }
        return tokenHash;
    }
}
