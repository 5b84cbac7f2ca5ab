package dev.waypoint.core.store.jdbc;

import org.junit.jupiter.api.Nested;

/** Every storage contract on H2 in PostgreSQL mode, the embedded default. */
class JdbcStoreOnH2Test {

    static final TestDatabase H2 = new H2TestDatabase();

    @Nested
    class Tenants extends JdbcTenantRepositoryContract {
        @Override
        TestDatabase database() {
            return H2;
        }
    }

    @Nested
    class Taxonomies extends JdbcTaxonomyRepositoryContract {
        @Override
        TestDatabase database() {
            return H2;
        }
    }

    @Nested
    class People extends JdbcPersonRepositoryContract {
        @Override
        TestDatabase database() {
            return H2;
        }
    }

    @Nested
    class Evidence extends JdbcEvidenceRepositoryContract {
        @Override
        TestDatabase database() {
            return H2;
        }
    }

    @Nested
    class Readiness extends JdbcReadinessRepositoryContract {
        @Override
        TestDatabase database() {
            return H2;
        }
    }

    @Nested
    class Outbox extends JdbcOutboxRepositoryContract {
        @Override
        TestDatabase database() {
            return H2;
        }
    }

    @Nested
    class DeadLetters extends JdbcDeadLetterRepositoryContract {
        @Override
        TestDatabase database() {
            return H2;
        }
    }

    @Nested
    class AdminCredentials extends JdbcAdminCredentialsContract {
        @Override
        TestDatabase database() {
            return H2;
        }
    }
}
