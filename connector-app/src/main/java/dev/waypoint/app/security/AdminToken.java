package dev.waypoint.app.security;

import dev.waypoint.core.RandomTokens;
import dev.waypoint.app.config.WaypointProperties;
import dev.waypoint.core.store.jdbc.JdbcAdminCredentials;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The admin API's bearer token. Taken from {@code WAYPOINT_ADMIN_TOKEN} ({@code waypoint.admin-token})
 * when set; otherwise generated at first start, printed once to the console (never to the log), and
 * only its SHA-256 hash kept in the database, so a later start neither prints nor knows it.
 */
@Component
public class AdminToken implements SmartInitializingSingleton {

    private static final int MIN_CONFIGURED_LENGTH = 16;

    private final WaypointProperties properties;
    private final JdbcAdminCredentials credentials;
    private final PrintStream console;

    @Autowired
    public AdminToken(WaypointProperties properties, JdbcAdminCredentials credentials) {
        this(properties, credentials, System.out);
    }

    AdminToken(WaypointProperties properties, JdbcAdminCredentials credentials, PrintStream console) {
        this.properties = properties;
        this.credentials = credentials;
        this.console = console;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String configured = properties.adminToken();
        if (!configured.isBlank()) {
            if (configured.length() < MIN_CONFIGURED_LENGTH) {
                throw new IllegalStateException("WAYPOINT_ADMIN_TOKEN is shorter than " + MIN_CONFIGURED_LENGTH
                        + " characters; choose a long random token");
            }
            return;
        }
        if (credentials.hasAny()) {
            return;
        }
        String token = "wpt_" + RandomTokens.urlSafe(32);
        credentials.store("generated-at-first-start", hash(token));
        console.println();
        console.println("================================================================");
        console.println(" Waypoint admin API token (shown once; keep it safe):");
        console.println("   " + token);
        console.println(" Use it as: Authorization: Bearer <token>, or sign in with it at /console");
        console.println(" Set WAYPOINT_ADMIN_TOKEN to choose your own instead.");
        console.println("================================================================");
        console.println();
    }

    /** True when the presented token is the admin token; compared in constant time. */
    public boolean accepts(String presented) {
        if (presented == null || presented.isBlank()) {
            return false;
        }
        String configured = properties.adminToken();
        if (!configured.isBlank()) {
            return MessageDigest.isEqual(configured.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
        }
        return credentials.matches(hash(presented));
    }

    static String hash(String token) {
        return JdbcAdminCredentials.hashOf(token);
    }
}
