package dev.waypoint.core.writeback;

import dev.waypoint.core.evidence.NaturalKey;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.store.OutboxRepository;
import dev.waypoint.core.store.OutboxRepository.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Moves writes through the outbox: queues what the write-backs plan for a changed readiness, and
 * delivers due rows to their write-back, recording each failure with the next attempt time.
 * A crash between claim and delivery loses nothing: the claim is a lease, and the row comes back.
 */
public final class WriteBackDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WriteBackDispatcher.class);

    private final OutboxRepository outbox;
    private final Map<String, WriteBack> byTarget;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final Duration lease;

    public WriteBackDispatcher(OutboxRepository outbox, List<WriteBack> writeBacks, RetrySchedule schedule,
                               Clock clock, Duration lease) {
        this.outbox = outbox;
        this.byTarget = writeBacks.stream().collect(Collectors.toMap(WriteBack::target, Function.identity()));
        this.schedule = schedule;
        this.clock = clock;
        this.lease = lease;
    }

    /** Queues the writes every write-back plans for this readiness; answers how many rows were queued. */
    public int enqueue(Person person, Readiness readiness) {
        int queued = 0;
        for (WriteBack writeBack : byTarget.values()) {
            for (WriteBack.PlannedWrite write : writeBack.plan(person, readiness)) {
                if (outbox.enqueue(write.tenantId(), writeBack.target(), write.writeKey(), write.payload(),
                        NaturalKey.contentHash(write.payload()), clock.instant())) {
                    queued++;
                }
            }
        }
        return queued;
    }

    /** Delivers up to {@code limit} due rows; answers how many the LMS accepted. */
    public int deliverDue(int limit) {
        Instant now = clock.instant();
        int delivered = 0;
        for (OutboxEntry entry : outbox.claimDue(now, limit, lease)) {
            WriteBack writeBack = byTarget.get(entry.target());
            if (writeBack == null) {
                // Kept, not dropped: the adapter may be switched back on.
                outbox.markFailed(entry.id(), "no write-back is configured for target " + entry.target(),
                        now.plus(schedule.max()), false);
                continue;
            }
            try {
                writeBack.deliver(entry);
                outbox.markDelivered(entry.id(), clock.instant());
                delivered++;
            } catch (WriteBackFailure failure) {
                int attempts = entry.attempts() + 1;
                boolean giveUp = !failure.retryable() || schedule.exhausted(attempts);
                outbox.markFailed(entry.id(), failure.getMessage(), clock.instant().plus(schedule.delayAfter(attempts)), giveUp);
                log.warn("write-back {} #{} to {} failed (attempt {}{}): {}", entry.target(), entry.id(),
                        entry.writeKey(), attempts, giveUp ? ", parked" : "", failure.getMessage());
            } catch (RuntimeException unexpected) {
                int attempts = entry.attempts() + 1;
                outbox.markFailed(entry.id(), unexpected.toString(), clock.instant().plus(schedule.delayAfter(attempts)),
                        schedule.exhausted(attempts));
                log.error("write-back {} #{} failed unexpectedly", entry.target(), entry.id(), unexpected);
            }
        }
        return delivered;
    }
}
