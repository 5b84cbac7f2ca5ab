package dev.waypoint.app.pipeline;

import dev.waypoint.core.engine.EvidenceIngest;
import dev.waypoint.core.engine.IngestOutcome;
import dev.waypoint.core.engine.ReadinessRecompute;
import dev.waypoint.core.evidence.LearningSignal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.annotation.IntegrationComponentScan;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.MessagingException;

/**
 * The evidence flow of DESIGN.md as a Spring Integration flow: sources put signals on
 * {@value #EVIDENCE}; the core steps map, de-duplicate and store them, then recompute the affected
 * person only. Failures of the tolerant entry go to {@value #ERRORS}, which keeps them as dead letters.
 *
 * <p>The channel is direct: a source's call returns only after the evidence is stored, so nothing a
 * source was told is accepted can be lost in a queue. Past one node the same flow runs behind Kafka.
 */
@Configuration(proxyBeanMethods = false)
@IntegrationComponentScan
public class EvidencePipelineConfiguration {

    public static final String EVIDENCE = "waypoint.evidence";
    public static final String ERRORS = "waypoint.evidence.errors";

    @Bean
    IntegrationFlow evidenceFlow(EvidenceIngest ingest, ReadinessRecompute recompute, EvidenceMetrics metrics) {
        return IntegrationFlow.from(EVIDENCE)
                .handle(LearningSignal.class, (signal, headers) -> ingest.ingest(signal))
                .handle(IngestOutcome.class, (outcome, headers) -> outcome.stored()
                        ? outcome.withChangedReadiness(recompute.recompute(outcome.person().tenantId(), outcome.person().id()))
                        : outcome)
                .handle(IngestOutcome.class, (outcome, headers) -> metrics.count(outcome))
                .get();
    }

    @Bean
    IntegrationFlow deadLetterFlow(DeadLetters deadLetters, EvidenceMetrics metrics) {
        return IntegrationFlow.from(ERRORS)
                .handle(MessagingException.class, (failure, headers) -> metrics.count(deadLetters.keep(failure)))
                .get();
    }
}
