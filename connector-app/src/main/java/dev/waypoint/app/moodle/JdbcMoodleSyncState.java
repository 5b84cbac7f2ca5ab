package dev.waypoint.app.moodle;

import dev.waypoint.moodle.MoodleSyncState;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What the last Moodle sync saw of each user, in {@code moodle_sync_state} (lists as comma-separated text). */
public class JdbcMoodleSyncState implements MoodleSyncState {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcMoodleSyncState(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<Long, PersonState> all(String tenantId) {
        Map<Long, PersonState> out = new HashMap<>();
        jdbc.sql("SELECT moodle_user_id, answer_hash, completed, badges, activities, ratings FROM moodle_sync_state WHERE tenant_id = ?")
                .param(tenantId)
                .query(rs -> {
                    Set<Long> completed = split(rs.getString(3)).stream().map(Long::valueOf).collect(Collectors.toSet());
                    Set<Long> activities = split(rs.getString(5)).stream().map(Long::valueOf).collect(Collectors.toSet());
                    out.put(rs.getLong(1), new PersonState(rs.getString(2), completed, split(rs.getString(4)), activities,
                            split(rs.getString(6))));
                });
        return out;
    }

    @Override
    public void save(String tenantId, long moodleUserId, PersonState state) {
        String completed = join(state.completedCourseIds().stream().map(String::valueOf).collect(Collectors.toSet()));
        String badges = join(state.badgeHashes());
        String activities = join(state.completedActivityIds().stream().map(String::valueOf).collect(Collectors.toSet()));
        String ratings = join(state.ratingKeys());
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE moodle_sync_state SET answer_hash = ?, completed = ?, badges = ?, activities = ?, ratings = ?, "
                        + "updated_at = ? WHERE tenant_id = ? AND moodle_user_id = ?")
                .params(state.answerHash(), completed, badges, activities, ratings, now, tenantId, moodleUserId).update();
        if (updated == 0) {
            // one worker per user writes this row, so update-then-insert does not race with itself
            jdbc.sql("INSERT INTO moodle_sync_state (tenant_id, moodle_user_id, answer_hash, completed, badges, activities, "
                            + "ratings, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(tenantId, moodleUserId, state.answerHash(), completed, badges, activities, ratings, now).update();
        }
    }

    private static Set<String> split(String text) {
        return text == null || text.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(text.split(",")));
    }

    private static String join(Set<String> values) {
        return String.join(",", new TreeSet<>(values));
    }
}
