package dev.waypoint.app.lti;

import dev.waypoint.core.lti.ToolKeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Checks every {@code waypoint.lti.key-rotation-check-every} whether the tool's signing key is due for
 * rotation; the rules are {@link ToolKeyRing}'s. The first check, at start, makes the first key.
 */
@Component
public class KeyRotationSchedule {

    private static final Logger log = LoggerFactory.getLogger(KeyRotationSchedule.class);

    private final ToolKeyRing keys;
    private final LtiProperties properties;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    public KeyRotationSchedule(ToolKeyRing keys, LtiProperties properties) {
        this.keys = keys;
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
        } catch (RuntimeException e) {
            log.error("LTI tool key rotation failed", e);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdown();
    }
}
