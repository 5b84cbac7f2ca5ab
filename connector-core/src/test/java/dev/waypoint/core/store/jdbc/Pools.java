package dev.waypoint.core.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Connection pools for test databases, large enough for the concurrency tests' threads. */
final class Pools {

    static final int SIZE = 10;

    private Pools() {
    }

    static HikariDataSource open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(SIZE);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }
}
