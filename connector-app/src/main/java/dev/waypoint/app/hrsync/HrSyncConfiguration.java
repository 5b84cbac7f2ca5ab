package dev.waypoint.app.hrsync;

import dev.waypoint.app.config.ClusterLocks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.hrsync.HrSyncRunner;
import dev.waypoint.core.hrsync.jdbc.JdbcHrSyncStore;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;

/** Wires the HR sync: the core runner over JDBC, the outputs, the cluster lock and the job. */
@Configuration(proxyBeanMethods = false)
class HrSyncConfiguration {

    @Bean
    JdbcHrSyncStore hrSyncStore(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        return new JdbcHrSyncStore(jdbc, tx);
    }

    @Bean
    HrSyncRunner hrSyncRunner(JdbcHrSyncStore store, Clock clock, HrSyncProperties properties) {
        return new HrSyncRunner(store, clock, properties.batchSize(), properties.progressEvery());
    }

    @Bean
    DefaultLockRepository hrSyncLockRepository(DataSource dataSource, PlatformTransactionManager tx,
                                               HrSyncProperties properties) {
        // The job's one lock key doubles as its region in the shared lock table.
        return ClusterLocks.repository(dataSource, tx, ClusterLocks.SHARED_TABLE, HrSyncJob.LOCK_KEY,
                properties.lockTtl());
    }

    @Bean
    JdbcLockRegistry hrSyncLocks(DefaultLockRepository hrSyncLockRepository) {
        return new JdbcLockRegistry(hrSyncLockRepository);
    }

    @Bean
    HrSyncJob hrSyncJob(HrSyncRunner runner, HrSyncProperties properties, ActiveTaxonomy taxonomy,
                        JdbcLockRegistry hrSyncLocks, Clock clock, ObjectMapper json) {
        return new HrSyncJob(runner, new HrSyncOutputs(new OkHttpClient(), json, clock), properties, taxonomy,
                hrSyncLocks, clock, HrSyncJob.startThreads());
    }
}
