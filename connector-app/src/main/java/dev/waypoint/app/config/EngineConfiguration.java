package dev.waypoint.app.config;

import dev.waypoint.core.engine.EvidenceIngest;
import dev.waypoint.core.engine.LearningPaths;
import dev.waypoint.core.engine.ReadinessRecompute;
import dev.waypoint.core.evidence.EvidenceMapper;
import dev.waypoint.core.pathing.PathPlanner;
import dev.waypoint.core.readiness.ReadinessCalculator;
import dev.waypoint.core.readiness.ReadinessModel;
import dev.waypoint.core.store.EvidenceRepository;
import dev.waypoint.core.store.OutboxRepository;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.core.store.ReadinessRepository;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.TaxonomyYamlLoader;
import dev.waypoint.core.writeback.RetrySchedule;
import dev.waypoint.core.writeback.WriteBack;
import dev.waypoint.core.writeback.WriteBackDispatcher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/** Wires the core's engine: no rule lives here, only which object gets which collaborator. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ActiveTaxonomy activeTaxonomy() {
        return new ActiveTaxonomy();
    }

    @Bean
    TaxonomyYamlLoader taxonomyYamlLoader() {
        return new TaxonomyYamlLoader();
    }

    @Bean
    ReadinessModel readinessModel(WaypointProperties properties) {
        return properties.readiness().toModel();
    }

    @Bean
    ReadinessCalculator readinessCalculator(ReadinessModel model) {
        return new ReadinessCalculator(model);
    }

    @Bean
    PathPlanner pathPlanner(ReadinessModel model) {
        return new PathPlanner(model);
    }

    @Bean
    EvidenceIngest evidenceIngest(ActiveTaxonomy taxonomy, PersonRepository people, EvidenceRepository evidence, Clock clock) {
        return new EvidenceIngest(taxonomy, people, evidence, new EvidenceMapper(), clock);
    }

    @Bean
    WriteBackDispatcher writeBackDispatcher(OutboxRepository outbox, List<WriteBack> writeBacks,
                                            WaypointProperties properties, Clock clock) {
        WaypointProperties.Outbox settings = properties.outbox();
        return new WriteBackDispatcher(outbox, writeBacks,
                new RetrySchedule(settings.firstRetry(), settings.maxRetry(), settings.maxAttempts()),
                clock, settings.lease());
    }

    @Bean
    ReadinessRecompute readinessRecompute(ActiveTaxonomy taxonomy, PersonRepository people, EvidenceRepository evidence,
                                          ReadinessRepository readiness, ReadinessCalculator calculator,
                                          WriteBackDispatcher writeBack, Clock clock) {
        return new ReadinessRecompute(taxonomy, people, evidence, readiness, calculator, writeBack, clock);
    }

    @Bean
    LearningPaths learningPaths(ActiveTaxonomy taxonomy, PersonRepository people, EvidenceRepository evidence,
                                ReadinessRecompute readiness, PathPlanner planner, Clock clock) {
        return new LearningPaths(taxonomy, people, evidence, readiness, planner, clock);
    }
}
