package dev.waypoint.app.support;

import dev.waypoint.app.config.ClusterLocks;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;

/** A second node of the cluster as far as database locks go: the same lock table, its own registry. */
public final class OtherNode {

    private OtherNode() {
    }

    /** The locks of {@code region} as another node obtains them. */
    public static JdbcLockRegistry locks(DataSource dataSource, PlatformTransactionManager tx, String region) {
        return locks(dataSource, tx, region, DefaultLockRepository.DEFAULT_TTL);
    }

    /** The same, with the time to live this node writes when it takes a lock (a dead node's lock lapses after it). */
    public static JdbcLockRegistry locks(DataSource dataSource, PlatformTransactionManager tx, String region,
                                         Duration timeToLive) {
        return ClusterLocks.registry(dataSource, tx, ClusterLocks.SHARED_TABLE, region, timeToLive);
    }
}
