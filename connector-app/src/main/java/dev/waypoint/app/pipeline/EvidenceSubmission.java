package dev.waypoint.app.pipeline;

import dev.waypoint.core.engine.IngestOutcome;
import dev.waypoint.core.evidence.LearningSignal;
import org.springframework.integration.annotation.MessagingGateway;

/**
 * The strict entry to the evidence flow, for callers that can act on an error themselves (the
 * evidence API answers it to its client; a replay records it on the letter). Errors are thrown.
 */
@MessagingGateway(defaultRequestChannel = EvidencePipelineConfiguration.EVIDENCE)
public interface EvidenceSubmission {

    IngestOutcome submit(LearningSignal signal);
}
