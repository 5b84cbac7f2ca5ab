package dev.waypoint.core.store.jdbc;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

abstract class JdbcAdminCredentialsContract extends JdbcStoreContract {

    JdbcAdminCredentials credentials;

    @BeforeEach
    void repository() {
        credentials = new JdbcAdminCredentials(jdbc, tx);
    }

    @Test
    void aFreshInstallHasNoCredential() {
        assertThat(credentials.hasAny()).isFalse();
    }

    @Test
    void matchesOnlyTheStoredToken() {
        credentials.store("bootstrap", JdbcAdminCredentials.hashOf("token-one"));

        assertThat(credentials.hasAny()).isTrue();
        assertThat(credentials.matches(JdbcAdminCredentials.hashOf("token-one"))).isTrue();
        assertThat(credentials.matches(JdbcAdminCredentials.hashOf("token-two"))).isFalse();
        assertThat(credentials.matches("token-one")).isFalse();
    }

    @Test
    void storingUnderTheSameNameRotatesTheToken() {
        credentials.store("bootstrap", JdbcAdminCredentials.hashOf("old"));
        credentials.store("bootstrap", JdbcAdminCredentials.hashOf("new"));

        assertThat(credentials.matches(JdbcAdminCredentials.hashOf("old"))).isFalse();
        assertThat(credentials.matches(JdbcAdminCredentials.hashOf("new"))).isTrue();
        assertThat(rows("SELECT COUNT(*) FROM admin_credential")).isEqualTo(1);
    }

    @Test
    void neverStoresARawToken() {
        assertThatThrownBy(() -> credentials.store("bootstrap", "my-secret-token"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(credentials.hasAny()).isFalse();
    }

    @Test
    void hashesTokensAsHexSha256() {
        assertThat(JdbcAdminCredentials.hashOf("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
