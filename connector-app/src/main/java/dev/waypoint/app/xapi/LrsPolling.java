package dev.waypoint.app.xapi;

import dev.waypoint.app.config.ClusterLocks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.store.DeadLetterRepository;
import dev.waypoint.xapi.LrsPoller;
import dev.waypoint.xapi.StatementIntake;
import dev.waypoint.xapi.XapiClient;
import dev.waypoint.xapi.XapiEvidenceSource;
import dev.waypoint.xapi.XapiProperties;
import dev.waypoint.xapi.store.JdbcPollWatermarks;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/**
 * Runs the configured LRS pollers ({@code waypoint.xapi.lrs}), each at its own interval, one node at a time
 * per LRS (a JDBC lock in {@code xapi_int_lock}). A failed round is logged and tried again at the next interval;
 * the watermark keeps what was already taken.
 */
@Component
class LrsPolling {

    private static final Logger log = LoggerFactory.getLogger(LrsPolling.class);

    private final List<LrsPoller> pollers;
    private final Map<String, Duration> every = new HashMap<>();
    private final Map<String, Instant> due = new HashMap<>();
    private final JdbcLockRegistry locks;
    private final Clock clock;

    LrsPolling(XapiProperties properties, StatementIntake intake, XapiEvidenceSource evidence, JdbcPollWatermarks watermarks,
               DeadLetterRepository deadLetters, ObjectMapper json, DataSource dataSource, PlatformTransactionManager tx,
               Clock clock) {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS).build();
        this.pollers = properties.lrs().stream().filter(XapiProperties.Lrs::polled).map(lrs -> {
            every.put(lrs.name(), lrs.pollEvery());
            return new LrsPoller(lrs, new XapiClient(http, json, lrs, 4, Duration.ofMillis(500)), intake, evidence, watermarks,
                    deadLetters, json, clock);
        }).toList();
        // the xAPI area's own lock table (V11), which predates the shared one
        this.locks = ClusterLocks.registry(dataSource, tx, "XAPI_INT_", "DEFAULT", DefaultLockRepository.DEFAULT_TTL);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT10S")
    void pollDue() {
        for (LrsPoller poller : pollers) {
            Instant now = clock.instant();
            if (due.getOrDefault(poller.name(), Instant.MIN).isAfter(now)) {
                continue;
            }
            due.put(poller.name(), now.plus(every.get(poller.name())));
            Lock lock = locks.obtain("xapi-lrs-" + poller.name());
            if (!lock.tryLock()) {
                continue;
            }
            try {
                int taken = poller.poll();
                log.debug("xapi: took {} statement(s) from LRS {}", taken, poller.name());
            } catch (RuntimeException e) {
                log.warn("xapi: polling LRS {} failed, retried next round: {}", poller.name(), e.getMessage());
            } finally {
                lock.unlock();
            }
        }
    }
}
