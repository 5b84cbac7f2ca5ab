package dev.waypoint.app.lti;

import dev.waypoint.app.lti.store.JdbcLoginStates;
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
    CourseRoster courseRoster() {
        return new NrpsRoster();
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
