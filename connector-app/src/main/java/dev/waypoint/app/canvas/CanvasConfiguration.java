package dev.waypoint.app.canvas;

import dev.waypoint.app.config.ClusterLocks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.app.pipeline.EvidenceChannelSink;
import dev.waypoint.app.lti.PlatformServices;
import dev.waypoint.core.lti.RegistrationRepository;
import dev.waypoint.canvas.CanvasAgsTokens;
import dev.waypoint.canvas.CanvasLiveEventIntake;
import dev.waypoint.canvas.CanvasWriteBack;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.canvas.CanvasLiveEvents;
import dev.waypoint.canvas.CanvasMapper;
import dev.waypoint.core.store.TenantRepository;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.engine.LearningPaths;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Wires the Canvas adapter: the tenants' configurations (API, then properties), their clients and evidence
 * sources, the sync job with its cluster lock and run records, write-back and the Live Events intake.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CanvasSettings.class)
public class CanvasConfiguration {

    @Bean
    JdbcCanvasTenantConfigs canvasTenantConfigs(JdbcClient jdbc, TransactionTemplate tx, ObjectMapper json) {
        return new JdbcCanvasTenantConfigs(jdbc, tx, json);
    }

    @Bean
    JdbcCanvasSyncRuns canvasSyncRuns(JdbcClient jdbc, ObjectMapper json) {
        return new JdbcCanvasSyncRuns(jdbc, json);
    }

    @Bean
    CanvasTenants canvasTenants(CanvasSettings settings, JdbcCanvasTenantConfigs configs, EvidenceChannelSink sink,
                                ActiveTaxonomy taxonomy, TenantRepository tenants, JdbcClient jdbc, ObjectMapper json, Clock clock) {
        return new CanvasTenants(settings, configs, sink, taxonomy, tenants, new JdbcCanvasWatermarks(jdbc), json, clock);
    }

    /** One sync per tenant across the cluster: INT_LOCK (V30), region of its own so keys never meet the HR sync's. */
    @Bean
    DefaultLockRepository canvasSyncLockRepository(DataSource dataSource, PlatformTransactionManager txManager,
                                                   CanvasSettings settings) {
        return ClusterLocks.repository(dataSource, txManager, ClusterLocks.SHARED_TABLE, "waypoint-canvas-sync",
                settings.lockTtl());
    }

    @Bean
    CanvasSyncJob canvasSyncJob(CanvasTenants tenants, JdbcCanvasSyncRuns runs, DefaultLockRepository canvasSyncLockRepository,
                                CanvasSettings settings, Clock clock) {
        return new CanvasSyncJob(tenants, runs, new JdbcLockRegistry(canvasSyncLockRepository), settings.lockTtl(), clock);
    }

    /** AGS tokens through the tenant's LTI registration (client credentials, LTI Security Framework §4.1). */
    @Bean
    @ConditionalOnMissingBean
    CanvasAgsTokens canvasAgsTokens(RegistrationRepository registrations, PlatformServices services) {
        return new LtiCanvasAgsTokens(registrations, services);
    }

    @Bean
    CanvasWriteBack canvasWriteBack(CanvasTenants tenants, PersonRepository people, ActiveTaxonomy taxonomy,
                                    ObjectProvider<LearningPaths> paths, CanvasAgsTokens agsTokens, ObjectMapper json,
                                    Clock clock) {
        // the planner is reached lazily: the engine that plans paths is itself fed by write-backs
        return new CanvasWriteBack(tenants::writeBackTarget, people::identities, taxonomy,
                (person, readiness) -> paths.getObject().plan(person.tenantId(), person.id(), readiness.roleId()),
                agsTokens, json, clock);
    }

    @Bean
    CanvasLiveEventIntake canvasLiveEventIntake(EvidenceChannelSink sink, ActiveTaxonomy taxonomy, JdbcClient jdbc,
                                                ObjectMapper json, Clock clock) {
        return new CanvasLiveEventIntake(new CanvasLiveEvents(json, new CanvasMapper()), sink, taxonomy,
                new JdbcSeenLiveEvents(jdbc), clock);
    }
}
