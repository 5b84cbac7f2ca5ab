package dev.waypoint.app.moodle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.moodle.MoodleClient;
import dev.waypoint.moodle.MoodleOptions;
import dev.waypoint.moodle.MoodleProperties;
import dev.waypoint.moodle.MoodleSites;
import okhttp3.OkHttpClient;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's Moodle site, stored in {@code moodle_site}. One client per site is kept so its circuit
 * breaker and concurrency limit are shared by the sync and the write-back; saving a site replaces it.
 */
public class JdbcMoodleSites implements MoodleSites {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final OkHttpClient http = new OkHttpClient();
    private final Map<String, MoodleClient> clients = new ConcurrentHashMap<>();

    public JdbcMoodleSites(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Optional<MoodleClient> client(String tenantId) {
        MoodleClient known = clients.get(tenantId);
        if (known != null) {
            return Optional.of(known);
        }
        return find(tenantId).map(site -> clients.computeIfAbsent(tenantId, t -> newClient(site)));
    }

    public MoodleClient newClient(MoodleProperties site) {
        return new MoodleClient(site, http, json);
    }

    public Optional<MoodleProperties> find(String tenantId) {
        return jdbc.sql("SELECT base_url, token, settings FROM moodle_site WHERE tenant_id = ?")
                .param(tenantId)
                .query((rs, n) -> fromRow(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    public List<String> tenants() {
        return jdbc.sql("SELECT tenant_id FROM moodle_site ORDER BY tenant_id").query(String.class).list();
    }

    public void save(String tenantId, MoodleProperties site) {
        String settings = write(Settings.of(site));
        int updated = jdbc.sql("UPDATE moodle_site SET base_url = ?, token = ?, settings = ?, updated_at = ? WHERE tenant_id = ?")
                .params(site.baseUrl(), site.token(), settings, java.sql.Timestamp.from(clock.instant()), tenantId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO moodle_site (tenant_id, base_url, token, settings, updated_at) VALUES (?, ?, ?, ?, ?)")
                    .params(tenantId, site.baseUrl(), site.token(), settings, java.sql.Timestamp.from(clock.instant())).update();
        }
        clients.remove(tenantId);
    }

    private MoodleProperties fromRow(String baseUrl, String token, String settingsJson) {
        try {
            Settings s = json.readValue(settingsJson, Settings.class);
            return new MoodleProperties(baseUrl, token, s.courseIds(), s.activityCourseIds(), s.pageSize(), s.concurrency(),
                    s.callTimeoutSeconds() == null ? null : Duration.ofSeconds(s.callTimeoutSeconds()), s.maxAttempts(),
                    s.profileField(), s.competencyFrameworkId(), s.competencies(),
                    s.syncEveryMinutes() == null ? null : Duration.ofMinutes(s.syncEveryMinutes()),
                    s.options() == null ? MoodleOptions.NONE : s.options());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("moodle_site settings unreadable: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Settings settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored settings column: everything but where the site is and the token. */
    record Settings(List<Long> courseIds, List<Long> activityCourseIds, int pageSize, int concurrency, Long callTimeoutSeconds, int maxAttempts,
                    String profileField, Long competencyFrameworkId, Map<String, String> competencies,
                    Long syncEveryMinutes, MoodleOptions options) {
        static Settings of(MoodleProperties p) {
            return new Settings(p.courseIds(), p.activityCourseIds(), p.pageSize(), p.concurrency(), p.callTimeout().toSeconds(),
                    p.maxAttempts(), p.profileField(), p.competencyFrameworkId(), p.competencies(),
                    p.syncEvery() == null ? null : p.syncEvery().toMinutes(), p.options());
        }
    }
}
