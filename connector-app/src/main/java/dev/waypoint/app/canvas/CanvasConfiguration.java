package dev.waypoint.app.canvas;

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
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;

/** Wires the Canvas adapter: one client and evidence source per configured tenant, and the Live Events intake. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CanvasSettings.class)
public class CanvasConfiguration {

    @Bean
    CanvasTenants canvasTenants(CanvasSettings settings, EvidenceChannelSink sink, ActiveTaxonomy taxonomy,
                                TenantRepository tenants, ObjectMapper json, Clock clock) {
        return new CanvasTenants(settings, sink, taxonomy, tenants, json, clock);
    }

    /** AGS tokens through the tenant's LTI registration (client credentials, LTI Security Framework §4.1). */
    @Bean
    @ConditionalOnMissingBean
    CanvasAgsTokens canvasAgsTokens(RegistrationRepository registrations, PlatformServices services) {
        return new LtiCanvasAgsTokens(registrations, services);
    }

    @Bean
    CanvasWriteBack canvasWriteBack(CanvasTenants tenants, PersonRepository people, ActiveTaxonomy taxonomy,
                                    CanvasAgsTokens agsTokens, ObjectMapper json, Clock clock) {
        return new CanvasWriteBack(tenants.writeBackTargets(), people::identities, taxonomy, agsTokens, json, clock);
    }

    @Bean
    CanvasLiveEventIntake canvasLiveEventIntake(EvidenceChannelSink sink, ActiveTaxonomy taxonomy, JdbcClient jdbc,
                                                ObjectMapper json, Clock clock) {
        return new CanvasLiveEventIntake(new CanvasLiveEvents(json, new CanvasMapper()), sink, taxonomy,
                new JdbcSeenLiveEvents(jdbc), clock);
    }
}
