package dev.waypoint.core.store.jdbc;

import javax.sql.DataSource;

/** A database engine the storage contracts run on: hands out fresh, migrated databases, one per test. */
interface TestDatabase {

    /** A new empty database with every migration applied, behind a connection pool. */
    DataSource create();

    /** Closes the pool and throws the database away. */
    void drop(DataSource dataSource);
}
