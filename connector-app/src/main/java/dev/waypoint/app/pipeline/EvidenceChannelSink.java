package dev.waypoint.app.pipeline;

import dev.waypoint.core.engine.IngestOutcome;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.ingest.EvidenceSink;
import org.springframework.integration.annotation.MessagingGateway;

/** The tolerant entry for evidence sources: failures become dead letters and are answered, not thrown. */
@MessagingGateway(defaultRequestChannel = EvidencePipelineConfiguration.EVIDENCE,
        errorChannel = EvidencePipelineConfiguration.ERRORS)
public interface EvidenceChannelSink extends EvidenceSink {

    @Override
    IngestOutcome accept(LearningSignal signal);
}
