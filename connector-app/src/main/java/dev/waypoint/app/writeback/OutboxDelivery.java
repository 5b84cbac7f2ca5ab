package dev.waypoint.app.writeback;

import dev.waypoint.core.writeback.WriteBackDispatcher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Delivers due write-backs on a fixed delay; a crash between runs loses nothing (rows stay in the outbox). */
@Component
public class OutboxDelivery {

    private final WriteBackDispatcher dispatcher;
    private final int batchSize;

    public OutboxDelivery(WriteBackDispatcher dispatcher, dev.waypoint.app.config.WaypointProperties properties) {
        this.dispatcher = dispatcher;
        this.batchSize = properties.outbox().batchSize();
    }

    @Scheduled(fixedDelayString = "${waypoint.outbox.poll-every:10s}", initialDelayString = "${waypoint.outbox.poll-every:10s}")
    public void deliverDue() {
        int delivered;
        do {
            delivered = dispatcher.deliverDue(batchSize);
        } while (delivered == batchSize);
    }
}
