package dev.waypoint.app.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.ingest.EvidenceSink;
import dev.waypoint.core.store.DeadLetterRepository;
import dev.waypoint.xapi.StatementIntake;
import dev.waypoint.xapi.XapiEvidenceSource;
import dev.waypoint.xapi.XapiMapper;
import dev.waypoint.xapi.XapiProperties;
import dev.waypoint.xapi.store.JdbcPollWatermarks;
import dev.waypoint.xapi.store.JdbcStatementStore;
import dev.waypoint.xapi.store.JdbcXapiCredentials;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/** The xAPI receiver's parts, wired: settings from {@code waypoint.xapi}, stores, intake, mapping, hand-off. */
@Configuration(proxyBeanMethods = false)
class XapiConfiguration {

    @Bean
    XapiProperties xapiProperties(Environment environment) {
        return Binder.get(environment).bind("waypoint.xapi", XapiProperties.class).orElseGet(XapiProperties::defaults);
    }

    @Bean
    JdbcStatementStore xapiStatementStore(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        return new JdbcStatementStore(jdbc, tx);
    }

    @Bean
    JdbcXapiCredentials xapiCredentials(JdbcTemplate jdbc) {
        return new JdbcXapiCredentials(jdbc);
    }

    @Bean
    JdbcPollWatermarks xapiPollWatermarks(JdbcTemplate jdbc) {
        return new JdbcPollWatermarks(jdbc);
    }

    @Bean
    StatementIntake statementIntake(ObjectMapper json, JdbcStatementStore store, XapiProperties properties, Clock clock) {
        return new StatementIntake(json, store, properties, clock);
    }

    @Bean
    XapiMapper xapiMapper(XapiProperties properties) {
        return new XapiMapper(properties);
    }

    @Bean
    XapiEvidenceSource xapiEvidenceSource(JdbcStatementStore store, XapiMapper mapper, EvidenceSink sink,
                                          DeadLetterRepository deadLetters, ObjectMapper json, Clock clock) {
        return new XapiEvidenceSource(store, mapper, sink, deadLetters, json, clock);
    }
}
