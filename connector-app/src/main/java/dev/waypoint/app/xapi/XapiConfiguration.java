package dev.waypoint.app.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.app.pipeline.EvidenceSubmission;
import dev.waypoint.core.engine.LearningPaths;
import dev.waypoint.core.store.DeadLetterRepository;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.xapi.StatementIntake;
import dev.waypoint.xapi.XapiClient;
import dev.waypoint.xapi.XapiDeadLetterReplay;
import dev.waypoint.xapi.XapiEvidenceSource;
import dev.waypoint.xapi.XapiMapper;
import dev.waypoint.xapi.XapiProperties;
import dev.waypoint.xapi.XapiWriteBack;
import dev.waypoint.xapi.store.JdbcPollWatermarks;
import dev.waypoint.xapi.store.JdbcStatementStore;
import dev.waypoint.xapi.store.JdbcXapiCredentials;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The xAPI receiver's parts, wired: settings from {@code waypoint.xapi}, stores, intake, mapping, the replay of
 * {@code xapi_statement} dead letters, and the write-back of readiness to LRSs.
 */
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

    /**
     * The statement resource, found by its exact path before any controller mapping is looked at: the handler
     * lookup runs twice per request (Spring Security repeats it), and among the controllers' patterns it was dear.
     */
    @Bean
    SimpleUrlHandlerMapping xapiStatementMapping(StatementIntake intake, StatementHandOff handOff, XapiProperties properties,
                                                 ObjectMapper json) {
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(
                Map.of(XapiStatementResource.PATH, new XapiStatementResource(intake, handOff, properties, json)));
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return mapping;
    }

    @Bean
    XapiMapper xapiMapper(XapiProperties properties) {
        return new XapiMapper(properties);
    }

    /**
     * On the strict entry, so that a statement the taxonomy cannot map yet is kept as an {@code xapi_statement}
     * letter (replayed from the statement, with the mapping of the day) rather than as a signal.
     */
    @Bean
    XapiEvidenceSource xapiEvidenceSource(JdbcStatementStore store, XapiMapper mapper, EvidenceSubmission submission,
                                          DeadLetterRepository deadLetters, ObjectMapper json, Clock clock) {
        return new XapiEvidenceSource(store, mapper, submission::submit, deadLetters, json, clock);
    }

    @Bean
    XapiDeadLetterReplay xapiDeadLetterReplay(JdbcStatementStore store, StatementIntake intake, XapiEvidenceSource source,
                                              ObjectMapper json) {
        return new XapiDeadLetterReplay(store, intake, source, json);
    }

    /** A WriteBack bean: the dispatcher drives it from the outbox; it plans nothing unless an LRS has write-back on. */
    @Bean
    XapiWriteBack xapiWriteBack(XapiProperties properties, PersonRepository people, ActiveTaxonomy taxonomy,
                                ObjectProvider<LearningPaths> paths, ObjectMapper json) {
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
        return new XapiWriteBack(properties.lrs(), lrs -> new XapiClient(http, json, lrs, 3, Duration.ofMillis(500)),
                people::identities, taxonomy,
                (person, readiness) -> paths.getObject().plan(person.tenantId(), person.id(), readiness.roleId()), json);
    }
}
