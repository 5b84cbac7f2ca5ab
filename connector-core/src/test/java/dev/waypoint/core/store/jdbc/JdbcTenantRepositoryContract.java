package dev.waypoint.core.store.jdbc;

import dev.waypoint.core.store.TenantRepository;
import dev.waypoint.core.store.TenantRepository.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

abstract class JdbcTenantRepositoryContract extends JdbcStoreContract {

    TenantRepository tenants;

    @BeforeEach
    void repository() {
        tenants = new JdbcTenantRepository(jdbc, tx);
    }

    @Test
    void aFreshInstallHasTheDefaultTenant() {
        assertThat(tenants.find(TenantRepository.DEFAULT_TENANT)).isPresent();
        assertThat(tenants.list()).extracting(Tenant::id).containsExactly("default");
    }

    @Test
    void ensuringATenantTwiceCreatesItOnceAndKeepsTheFirstName() {
        Tenant first = tenants.ensure("acme", "Acme Corp");
        Tenant second = tenants.ensure("acme", "Someone Else");

        assertThat(second).isEqualTo(first);
        assertThat(second.name()).isEqualTo("Acme Corp");
        assertThat(tenants.list()).extracting(Tenant::id).containsExactlyInAnyOrder("default", "acme");
    }

    @Test
    void anUnknownTenantIsNotFound() {
        assertThat(tenants.find("nobody")).isEmpty();
    }
}
