package dev.waypoint.app.hrsync;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Map;

/**
 * The HR sync's settings ({@code waypoint.hr-sync.*}). Outputs are set per tenant; a tenant without any
 * output is not synced.
 *
 * @param cron             when the nightly run starts (Spring cron, seconds first); "-" turns the schedule off
 * @param zone             the time zone of the cron and of the full-snapshot day
 * @param fullSnapshotDay  the day of the week whose run sends a full snapshot instead of the differences
 * @param batchSize        records per batch (one HTTP request, one checkpoint)
 * @param progressEvery    how often a long run logs done/total, rate and ETA
 * @param lockTtl          how long the cluster lock outlives a node that died holding it
 */
@ConfigurationProperties("waypoint.hr-sync")
public record HrSyncProperties(
        @DefaultValue("0 0 2 * * *") String cron,
        @DefaultValue("UTC") String zone,
        @DefaultValue("SUNDAY") DayOfWeek fullSnapshotDay,
        @DefaultValue("500") int batchSize,
        @DefaultValue("10s") Duration progressEvery,
        @DefaultValue("60s") Duration lockTtl,
        Map<String, Tenant> tenants) {

    public HrSyncProperties {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    /** The outputs of one tenant; any combination, each left out when not configured. */
    public record Tenant(Http http, Files files, Sftp sftp) {
    }

    /**
     * The HR endpoint. {@code secret} signs each body (HMAC-SHA256); never logged.
     *
     * @param maxAttempts attempts per batch on 5xx, 429 and timeouts before the run stops resumable
     */
    public record Http(String url, String secret,
                       @DefaultValue("10s") Duration timeout,
                       @DefaultValue("5") int maxAttempts,
                       @DefaultValue("1s") Duration firstBackoff) {
    }

    /** A directory the run's JSON Lines, CSV and manifest files are written to. */
    public record Files(String directory) {
    }

    /** An SFTP server the run's files are copied to (needs {@code files} as well). */
    public record Sftp(String host, @DefaultValue("22") int port, String user, String password,
                       @DefaultValue(".") String remoteDirectory) {
    }
}
