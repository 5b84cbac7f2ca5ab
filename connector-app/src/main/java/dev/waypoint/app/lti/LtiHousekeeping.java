package dev.waypoint.app.lti;

import dev.waypoint.app.lti.store.JdbcLtiSessions;
import dev.waypoint.core.lti.LoginStateStore;
import dev.waypoint.core.lti.ToolKeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

import java.time.Clock;
import java.time.Instant;
import jakarta.annotation.PreDestroy;

/**
 * Every {@code waypoint.lti.key-rotation-check-every}: rotates the tool's signing key when due (the
 * rules are {@link ToolKeyRing}'s; the first check, at start, makes the first key), and removes expired
 * login states and sessions.
 */
@Component
public class LtiHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(LtiHousekeeping.class);

    private final ToolKeyRing keys;
    private final LoginStateStore states;
    private final JdbcLtiSessions sessions;
    private final Clock clock;
    private final LtiProperties properties;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    public LtiHousekeeping(ToolKeyRing keys, LoginStateStore states, JdbcLtiSessions sessions, Clock clock,
                           LtiProperties properties) {
        this.keys = keys;
        this.states = states;
        this.sessions = sessions;
        this.clock = clock;
        this.properties = properties;
    }

    @PostConstruct
    void start() {
        scheduler.setThreadNamePrefix("lti-keys-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        TaskScheduler tasks = scheduler;
        tasks.scheduleWithFixedDelay(this::check, properties.keyRotationCheckEvery());
    }

    void check() {
        try {
            if (keys.rotateIfDue()) {
                log.info("LTI tool key rotated");
            }
            Instant now = clock.instant();
            int purged = states.purge(now) + sessions.purge(now);
            if (purged > 0) {
                log.debug("removed {} expired LTI login states and sessions", purged);
            }
        } catch (RuntimeException e) {
            log.error("LTI housekeeping failed", e);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdown();
    }
}
