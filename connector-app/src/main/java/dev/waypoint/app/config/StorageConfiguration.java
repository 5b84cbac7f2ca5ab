package dev.waypoint.app.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.store.jdbc.JdbcAdminCredentials;
import dev.waypoint.core.store.jdbc.JdbcDeadLetterRepository;
import dev.waypoint.core.store.jdbc.JdbcEvidenceRepository;
import dev.waypoint.core.store.jdbc.JdbcOutboxRepository;
import dev.waypoint.core.store.jdbc.JdbcPersonRepository;
import dev.waypoint.core.store.jdbc.JdbcReadinessRepository;
import dev.waypoint.core.store.jdbc.JdbcTaxonomyRepository;
import dev.waypoint.core.store.jdbc.JdbcTenantRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The JDBC repositories over the one data source (H2 by default, PostgreSQL in production). */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    JdbcTaxonomyRepository taxonomyRepository(JdbcClient jdbc, PlatformTransactionManager tx) {
        return new JdbcTaxonomyRepository(jdbc, tx);
    }

    @Bean
    JdbcTenantRepository tenantRepository(JdbcClient jdbc, PlatformTransactionManager tx) {
        return new JdbcTenantRepository(jdbc, tx);
    }

    @Bean
    JdbcPersonRepository personRepository(JdbcClient jdbc, PlatformTransactionManager tx) {
        return new JdbcPersonRepository(jdbc, tx);
    }

    @Bean
    JdbcEvidenceRepository evidenceRepository(JdbcClient jdbc, PlatformTransactionManager tx) {
        return new JdbcEvidenceRepository(jdbc, tx);
    }

    @Bean
    JdbcReadinessRepository readinessRepository(JdbcClient jdbc, PlatformTransactionManager tx, ObjectMapper json) {
        return new JdbcReadinessRepository(jdbc, tx, json);
    }

    @Bean
    JdbcDeadLetterRepository deadLetterRepository(JdbcClient jdbc, PlatformTransactionManager tx) {
        return new JdbcDeadLetterRepository(jdbc, tx);
    }

    @Bean
    JdbcOutboxRepository outboxRepository(JdbcClient jdbc, PlatformTransactionManager tx) {
        return new JdbcOutboxRepository(jdbc, tx);
    }

    @Bean
    JdbcAdminCredentials adminCredentials(JdbcClient jdbc, PlatformTransactionManager tx) {
        return new JdbcAdminCredentials(jdbc, tx);
    }
}
