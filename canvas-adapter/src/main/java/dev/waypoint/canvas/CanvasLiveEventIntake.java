package dev.waypoint.canvas;

import dev.waypoint.core.engine.IngestOutcome;
import dev.waypoint.core.evidence.EvidenceMapper;
import dev.waypoint.core.ingest.EvidenceSink;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes verified Live Events in: reads them ({@link CanvasLiveEvents}), answers a redelivered event as a
 * duplicate, puts the signals the taxonomy maps on the evidence sink (stored before the answer goes back,
 * so evidence exists as soon as Canvas has its answer), and remembers the event only after that, so a
 * crash in between means a redelivery is taken again (the evidence's natural key keeps it single).
 */
public final class CanvasLiveEventIntake {

    /** The events a tenant has already delivered. */
    public interface SeenEvents {
        boolean seen(String tenantId, String eventId);

        void remember(String tenantId, String eventId, String eventName, String outcome, java.time.Instant at);
    }

    /** What became of one event: stored, duplicate, ignored, not_mapped or dead_lettered. */
    public record Result(String eventId, String eventName, String outcome, String evidenceId, String detail) {
    }

    private final CanvasLiveEvents events;
    private final EvidenceSink sink;
    private final ActiveTaxonomy taxonomy;
    private final SeenEvents seen;
    private final Clock clock;
    private final EvidenceMapper mapper = new EvidenceMapper();

    public CanvasLiveEventIntake(CanvasLiveEvents events, EvidenceSink sink, ActiveTaxonomy taxonomy, SeenEvents seen, Clock clock) {
        this.events = events;
        this.sink = sink;
        this.taxonomy = taxonomy;
        this.seen = seen;
        this.clock = clock;
    }

    /** Reads every event of the payload before taking any, so a payload with one bad event is refused whole. */
    public List<Result> take(String tenantId, String payload) {
        List<CanvasLiveEvent> read = events.read(tenantId, payload);
        List<Result> results = new ArrayList<>();
        for (CanvasLiveEvent event : read) {
            if (seen.seen(tenantId, event.eventId())) {
                results.add(new Result(event.eventId(), event.eventName(), "duplicate", null, "already taken in"));
                continue;
            }
            Result result = takeOne(event);
            seen.remember(tenantId, event.eventId(), event.eventName(), result.outcome(), clock.instant());
            results.add(result);
        }
        return results;
    }

    private Result takeOne(CanvasLiveEvent event) {
        if (event.signal().isEmpty()) {
            return new Result(event.eventId(), event.eventName(), "ignored", null, event.ignoredBecause());
        }
        var signal = event.signal().get();
        if (mapper.map(signal, taxonomy.require()) instanceof EvidenceMapper.Mapping.Unmapped unmapped) {
            return new Result(event.eventId(), event.eventName(), "not_mapped", null, unmapped.reason());
        }
        IngestOutcome outcome = sink.accept(signal);
        if (outcome.deadLettered()) {
            return new Result(event.eventId(), event.eventName(), "dead_lettered", null, outcome.deadLetterReason());
        }
        return new Result(event.eventId(), event.eventName(), outcome.stored() ? "stored" : "duplicate",
                outcome.evidence() == null ? null : outcome.evidence().id(), null);
    }
}
