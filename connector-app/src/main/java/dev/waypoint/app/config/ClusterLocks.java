package dev.waypoint.app.config;

import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Cluster-wide locks for the scheduled jobs (HR sync, Moodle and Canvas syncs, LRS polling), kept in
 * spring-integration-jdbc's lock table: ShedLock's JDBC provider cannot be had here (docs/decisions.md).
 * Each job takes a region of its own so that its keys never meet another job's, and a time to live after
 * which a lock left by a dead node lapses.
 */
public final class ClusterLocks {

    /** The table V30 creates (INT_LOCK). */
    public static final String SHARED_TABLE = DefaultLockRepository.DEFAULT_TABLE_PREFIX;

    private ClusterLocks() {
    }

    /** A job's lock repository, to be declared as a bean: the container starts it. */
    public static DefaultLockRepository repository(DataSource dataSource, PlatformTransactionManager tx,
                                                   String tablePrefix, String region, Duration timeToLive) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setPrefix(tablePrefix);
        repository.setRegion(region);
        repository.setTimeToLive((int) timeToLive.toMillis());
        repository.setTransactionManager(tx);
        return repository;
    }

    /**
     * A job's locks built outside the container. The container would start a bean's repository; here it
     * is started by hand, without which every attempt to take a lock fails.
     */
    public static JdbcLockRegistry registry(DataSource dataSource, PlatformTransactionManager tx,
                                            String tablePrefix, String region, Duration timeToLive) {
        DefaultLockRepository repository = repository(dataSource, tx, tablePrefix, region, timeToLive);
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        return new JdbcLockRegistry(repository);
    }
}
