package dev.waypoint.core.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** Every storage contract on a real PostgreSQL server, started once for all of them. */
class JdbcStoreOnPostgresTest {

    static PostgresTestDatabase postgres;

    @BeforeAll
    static void startServer() {
        postgres = PostgresTestDatabase.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        postgres.close();
    }

    @Nested
    class Tenants extends JdbcTenantRepositoryContract {
        @Override
        TestDatabase database() {
            return postgres;
        }
    }

    @Nested
    class Taxonomies extends JdbcTaxonomyRepositoryContract {
        @Override
        TestDatabase database() {
            return postgres;
        }
    }

    @Nested
    class People extends JdbcPersonRepositoryContract {
        @Override
        TestDatabase database() {
            return postgres;
        }
    }

    @Nested
    class Evidence extends JdbcEvidenceRepositoryContract {
        @Override
        TestDatabase database() {
            return postgres;
        }
    }

    @Nested
    class Readiness extends JdbcReadinessRepositoryContract {
        @Override
        TestDatabase database() {
            return postgres;
        }
    }

    @Nested
    class Outbox extends JdbcOutboxRepositoryContract {
        @Override
        TestDatabase database() {
            return postgres;
        }
    }

    @Nested
    class DeadLetters extends JdbcDeadLetterRepositoryContract {
        @Override
        TestDatabase database() {
            return postgres;
        }
    }

    @Nested
    class AdminCredentials extends JdbcAdminCredentialsContract {
        @Override
        TestDatabase database() {
            return postgres;
        }
    }
}
