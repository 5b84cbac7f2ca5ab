package dev.waypoint.app.pipeline;

import dev.waypoint.core.engine.IngestOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What the evidence flow did, as Prometheus counters ({@code waypoint_evidence_total{outcome=…}}):
 * stored, duplicate (a replay recognised by its natural key) and dead-lettered. Sync health at a glance.
 */
@Component
public class EvidenceMetrics {

    private final Counter stored;
    private final Counter duplicate;
    private final Counter deadLettered;

    public EvidenceMetrics(MeterRegistry registry) {
        this.stored = counter(registry, "stored");
        this.duplicate = counter(registry, "duplicate");
        this.deadLettered = counter(registry, "dead_lettered");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("waypoint.evidence").tag("outcome", outcome)
                .description("Signals through the evidence flow, by outcome").register(registry);
    }

    IngestOutcome count(IngestOutcome outcome) {
        if (outcome.deadLettered()) {
            deadLettered.increment();
        } else if (outcome.stored()) {
            stored.increment();
        } else {
            duplicate.increment();
        }
        return outcome;
    }
}
