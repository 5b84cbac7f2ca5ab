package dev.waypoint.app.lti;

import dev.waypoint.app.lti.store.JdbcAgsLinks;
import dev.waypoint.app.lti.store.JdbcLoginStates;
import dev.waypoint.core.engine.LearningPaths;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import dev.waypoint.app.lti.store.JdbcLtiSessions;
import dev.waypoint.app.lti.store.JdbcRegistrations;
import dev.waypoint.app.lti.store.JdbcToolKeys;
import dev.waypoint.core.lti.LaunchValidator;
import dev.waypoint.core.lti.LoginInitiation;
import dev.waypoint.core.lti.LoginStateStore;
import dev.waypoint.core.lti.PlatformKeys;
import dev.waypoint.core.lti.RegistrationRepository;
import dev.waypoint.core.lti.ToolEndpoints;
import dev.waypoint.core.lti.ToolKeyRing;
import dev.waypoint.core.lti.ToolKeyStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;

/** Wires the LTI protocol of connector-core to the database, the clock and the tool's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LtiProperties.class)
public class LtiConfiguration {

    @Bean
    ToolEndpoints toolEndpoints(LtiProperties properties) {
        return new ToolEndpoints(properties.toolUrl());
    }

    @Bean
    RegistrationRepository ltiRegistrations(JdbcClient jdbc, Clock clock) {
        return new JdbcRegistrations(jdbc, clock);
    }

    @Bean
    LoginStateStore ltiLoginStates(JdbcClient jdbc) {
        return new JdbcLoginStates(jdbc);
    }

    @Bean
    ToolKeyStore ltiToolKeys(JdbcClient jdbc) {
        return new JdbcToolKeys(jdbc);
    }

    @Bean
    JdbcLtiSessions ltiSessions(JdbcClient jdbc) {
        return new JdbcLtiSessions(jdbc);
    }

    @Bean
    ToolKeyRing toolKeyRing(ToolKeyStore store, Clock clock, LtiProperties properties) {
        return new ToolKeyRing(store, clock, properties.keyRotateEvery(), properties.retiredKeyKept());
    }

    @Bean
    CachedPlatformKeys platformKeys(LtiProperties properties) {
        return new CachedPlatformKeys(properties);
    }

    @Bean
    JdbcAgsLinks ltiAgsLinks(JdbcClient jdbc) {
        return new JdbcAgsLinks(jdbc);
    }

    @Bean
    PlatformServices platformServices(ToolKeyRing keys, Clock clock) {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20)).callTimeout(Duration.ofSeconds(30)).build();
        return new PlatformServices(http, keys, clock);
    }

    @Bean
    CourseRoster courseRoster(PlatformServices services, RegistrationRepository registrations, PersonRepository people) {
        return new NrpsRoster(services, registrations, people);
    }

    /** A WriteBack bean: the foundation's dispatcher picks it up and drives it from the outbox. */
    @Bean
    AgsWriteBack agsWriteBack(JdbcAgsLinks links, RegistrationRepository registrations, PlatformServices services,
                              ActiveTaxonomy taxonomy, ObjectProvider<LearningPaths> paths, Clock clock) {
        return new AgsWriteBack(links, registrations, services, taxonomy, paths::getObject, clock);
    }

    @Bean
    LoginInitiation loginInitiation(RegistrationRepository registrations, LoginStateStore states, ToolEndpoints tool,
                                    Clock clock, LtiProperties properties) {
        return new LoginInitiation(registrations, states, tool, clock, properties.stateLifetime());
    }

    @Bean
    LaunchValidator launchValidator(RegistrationRepository registrations, LoginStateStore states, PlatformKeys keys,
                                    ToolEndpoints tool, Clock clock, LtiProperties properties) {
        return new LaunchValidator(registrations, states, keys, tool, clock, properties.clockSkew());
    }
}
