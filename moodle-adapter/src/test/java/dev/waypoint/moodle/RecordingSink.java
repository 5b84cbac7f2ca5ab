package dev.waypoint.moodle;

import dev.waypoint.core.engine.IngestOutcome;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.ingest.EvidenceSink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An evidence sink that keeps what it is given and, like the real one, stores a natural key once. */
final class RecordingSink implements EvidenceSink {

    final List<LearningSignal> signals = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    @Override
    public synchronized IngestOutcome accept(LearningSignal signal) {
        signals.add(signal);
        return IngestOutcome.of(null, keys.add(signal.naturalKey()), null, false);
    }

    synchronized List<LearningSignal> taken() {
        List<LearningSignal> out = List.copyOf(signals);
        signals.clear();
        return out;
    }
}
