package dev.waypoint.app.console;

import dev.waypoint.app.canvas.CanvasSyncRun;
import dev.waypoint.app.canvas.CanvasTenants;
import dev.waypoint.app.canvas.JdbcCanvasSyncRuns;
import dev.waypoint.app.moodle.JdbcMoodleSites;
import dev.waypoint.app.moodle.MoodleSyncRuns;
import dev.waypoint.core.store.DeadLetterRepository.DeadLetter;
import dev.waypoint.core.store.OutboxRepository.OutboxEntry;
import dev.waypoint.core.store.jdbc.JdbcDeadLetterRepository;
import dev.waypoint.core.store.jdbc.JdbcOutboxRepository;
import dev.waypoint.moodle.MoodleSyncReport;
import dev.waypoint.xapi.XapiProperties;
import dev.waypoint.xapi.store.JdbcPollWatermarks;
import dev.waypoint.xapi.store.JdbcStatementStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the overview page shows of every evidence source and of the write-back outbox and dead letters,
 * read from the services that own each (the same ones the admin API answers from).
 */
@Component
public class SyncHealth {

    static final int LISTED = 20;

    private final JdbcMoodleSites moodleSites;
    private final MoodleSyncRuns moodleRuns;
    private final CanvasTenants canvas;
    private final JdbcCanvasSyncRuns canvasRuns;
    private final XapiProperties xapi;
    private final JdbcPollWatermarks watermarks;
    private final JdbcStatementStore statements;
    private final JdbcOutboxRepository outbox;
    private final JdbcDeadLetterRepository deadLetters;

    SyncHealth(JdbcMoodleSites moodleSites, MoodleSyncRuns moodleRuns, CanvasTenants canvas, JdbcCanvasSyncRuns canvasRuns, XapiProperties xapi,
               JdbcPollWatermarks watermarks, JdbcStatementStore statements,
               JdbcOutboxRepository outbox, JdbcDeadLetterRepository deadLetters) {
        this.moodleSites = moodleSites;
        this.moodleRuns = moodleRuns;
        this.canvas = canvas;
        this.canvasRuns = canvasRuns;
        this.xapi = xapi;
        this.watermarks = watermarks;
        this.statements = statements;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
    }

    Overview overview() {
        List<MoodleSite> moodle = moodleSites.tenants().stream()
                .map(tenant -> new MoodleSite(tenant, moodleSites.find(tenant).map(s -> s.baseUrl()).orElse(""),
                        moodleRuns.recent(tenant, 1).stream().findFirst().orElse(null)))
                .toList();
        List<CanvasInstance> canvasInstances = new ArrayList<>();
        for (String tenant : canvas.tenantIds()) {
            var settings = canvas.configuration(tenant).map(CanvasTenants.Configured::tenant);
            canvasInstances.add(new CanvasInstance(tenant, settings.map(t -> t.baseUrl()).orElse(""),
                    settings.map(t -> t.usesDeveloperKey()).orElse(false),
                    settings.map(t -> t.oauthRefreshToken() != null && !t.oauthRefreshToken().isBlank()).orElse(false),
                    canvasRuns.last(tenant).orElse(null)));
        }
        List<LrsState> lrs = xapi.lrs().stream()
                .map(l -> new LrsState(l.name(), l.tenant(), l.endpoint(), watermarks.since(l.name()).orElse(null)))
                .toList();
        List<StatementCount> counts = statements.countByTenant().entrySet().stream()
                .map(tenant -> new StatementCount(tenant.getKey(), tenant.getValue()))
                .toList();
        return new Overview(moodle, canvasInstances, lrs, counts, outbox.countByStatus(),
                outbox.list("parked", 0, LISTED), outbox.list("pending", 0, LISTED),
                deadLetters.countByStatus(), deadLetters.list("open", 0, LISTED));
    }

    public record Overview(List<MoodleSite> moodle, List<CanvasInstance> canvas, List<LrsState> lrs,
                    List<StatementCount> statements, Map<String, Long> outboxCounts, List<OutboxEntry> parked,
                    List<OutboxEntry> pending, Map<String, Long> letterCounts, List<DeadLetter> openLetters) {

        public long outbox(String status) {
            return outboxCounts.getOrDefault(status, 0L);
        }

        public long letters(String status) {
            return letterCounts.getOrDefault(status, 0L);
        }
    }

    /** A tenant's Moodle site and its last sync ({@code last} null before the first). */
    public record MoodleSite(String tenant, String baseUrl, MoodleSyncReport last) {
    }

    /**
     * A configured Canvas and its last recorded sync ({@code last} null before the first); a developer key
     * is {@code authorized} once Canvas gave a refresh token for it.
     */
    public record CanvasInstance(String tenant, String baseUrl, boolean developerKey, boolean authorized,
                                 CanvasSyncRun last) {
    }

    /** An external LRS being polled and how far it got: the stored time of the last statement taken. */
    public record LrsState(String name, String tenant, String endpoint, String watermark) {
    }

    public record StatementCount(String tenant, long statements) {
    }
}
