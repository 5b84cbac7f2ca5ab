package dev.waypoint.core.ingest;

import dev.waypoint.core.engine.IngestOutcome;
import dev.waypoint.core.evidence.LearningSignal;

/**
 * The port evidence sources put signals on (the evidence channel of DESIGN.md). It answers once the
 * signal is stored (or recognised as already stored) and readiness recomputed; a signal that cannot
 * be processed is kept as a dead letter and answered as such, never thrown back at a poller that
 * could do nothing better with it.
 */
public interface EvidenceSink {

    IngestOutcome accept(LearningSignal signal);
}
