package dev.waypoint.app.moodle;

import dev.waypoint.app.config.ClusterLocks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.app.lti.LearnerPages;
import dev.waypoint.app.lti.store.JdbcAgsLinks;
import dev.waypoint.core.ingest.EvidenceSink;
import dev.waypoint.core.lti.RegistrationRepository;
import dev.waypoint.core.writeback.WriteBackDispatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import dev.waypoint.core.store.EvidenceRepository;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.core.store.ReadinessRepository;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.moodle.MoodleEvidenceSource;
import dev.waypoint.moodle.MoodleWriteBack;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/** Wires the Moodle adapter: sites and sync state over JDBC, the evidence source, the write-back. */
@Configuration(proxyBeanMethods = false)
class MoodleWiring {

    @Bean
    JdbcMoodleSites moodleSites(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        return new JdbcMoodleSites(jdbc, json, clock);
    }

    @Bean
    JdbcMoodleSyncState moodleSyncState(JdbcClient jdbc, Clock clock) {
        return new JdbcMoodleSyncState(jdbc, clock);
    }

    @Bean
    MoodleAgsLinks moodleAgsLinks(RegistrationRepository registrations, JdbcAgsLinks links, PersonRepository people,
                                  ObjectProvider<WriteBackDispatcher> writeBack, ObjectProvider<LearnerPages> learnerPages,
                                  Clock clock) {
        return new MoodleAgsLinks(registrations, links, people, writeBack, learnerPages, clock);
    }

    @Bean
    MoodleEvidenceSource moodleEvidenceSource(EvidenceSink sink, JdbcMoodleSyncState state, PersonRepository people,
                                              MoodleAgsLinks gradebooks, Clock clock) {
        return new MoodleEvidenceSource(sink, state, people, clock, gradebooks);
    }

    @Bean
    MoodleSyncRuns moodleSyncRuns(JdbcMoodleSites sites, MoodleEvidenceSource source, ActiveTaxonomy taxonomy,
                                  JdbcClient jdbc, ObjectMapper json, Clock clock, DataSource dataSource,
                                  PlatformTransactionManager tx,
                                  @Value("${waypoint.moodle.sync-lock-ttl:30m}") Duration lockTtl) {
        return new MoodleSyncRuns(sites, source, taxonomy, jdbc, json, clock, clusterLocks(dataSource, tx, lockTtl));
    }

    /**
     * The sync's cluster lock: the HR sync's INT_LOCK table (V30) in a region of its own. Built here rather than
     * as beans so that nothing that asks for "the" lock registry by type gets this one.
     */
    static JdbcLockRegistry clusterLocks(DataSource dataSource, PlatformTransactionManager tx, Duration ttl) {
        return ClusterLocks.registry(dataSource, tx, ClusterLocks.SHARED_TABLE, "waypoint-moodle-sync", ttl);
    }

    @Bean
    MoodleWriteBack moodleWriteBack(JdbcMoodleSites sites, PersonRepository people, ReadinessRepository readiness,
                                    EvidenceRepository evidence, ActiveTaxonomy taxonomy) {
        return new MoodleWriteBack(sites, people, readiness, evidence, taxonomy);
    }
}
