package dev.waypoint.app.xapi;

import dev.waypoint.xapi.XapiEvidenceSource;
import dev.waypoint.xapi.XapiProperties;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Turns statements into evidence after they are acknowledged, so the answer to the LRS client waits only for
 * the statements to be stored. Newly stored statements are handed to one worker through a bounded queue; when
 * the queue is full, or the process stops before the worker got to them, they stay {@code mapped = false} in
 * the database and the sweep picks them up. Nothing acknowledged depends on this queue.
 */
@Component
class StatementHandOff {

    private static final Logger log = LoggerFactory.getLogger(StatementHandOff.class);
    private static final int SWEEP_BATCH = 500;

    private final XapiEvidenceSource source;
    private final XapiProperties properties;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), runnable -> {
        Thread thread = new Thread(runnable, "xapi-evidence");
        thread.setDaemon(true);
        return thread;
    }, new ThreadPoolExecutor.AbortPolicy());

    StatementHandOff(XapiEvidenceSource source, XapiProperties properties) {
        this.source = source;
        this.properties = properties;
    }

    void handOff(String tenantId, List<String> statementIds) {
        if (statementIds.isEmpty()) {
            return;
        }
        try {
            worker.execute(() -> source.offer(tenantId, statementIds));
        } catch (RejectedExecutionException e) {
            log.debug("xapi: hand-off queue full; {} statement(s) left to the sweep", statementIds.size());
        }
    }

    @Scheduled(fixedDelayString = "${waypoint.xapi.sweep-every:30s}", initialDelayString = "${waypoint.xapi.sweep-every:30s}")
    void sweep() {
        int settled;
        do {
            settled = source.sweep(properties.sweepGrace(), SWEEP_BATCH);
        } while (settled == SWEEP_BATCH);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
