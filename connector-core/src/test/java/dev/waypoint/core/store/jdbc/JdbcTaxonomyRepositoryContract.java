package dev.waypoint.core.store.jdbc;

import dev.waypoint.core.store.TaxonomyRepository;
import dev.waypoint.core.store.TaxonomyRepository.StoredTaxonomy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

abstract class JdbcTaxonomyRepositoryContract extends JdbcStoreContract {

    TaxonomyRepository taxonomies;

    @BeforeEach
    void repository() {
        taxonomies = new JdbcTaxonomyRepository(jdbc, tx);
    }

    @Test
    void aFreshInstallHasNoActiveTaxonomy() {
        assertThat(taxonomies.active()).isEmpty();
        assertThat(taxonomies.versions()).isEmpty();
    }

    @Test
    void aSavedVersionBecomesActiveWithItsSourceKeptExactly() {
        String source = "skills:\n  - id: sql\n    name: \"SQL — Grundlagen\"\n";
        StoredTaxonomy saved = taxonomies.saveAndActivate("2025.1", "yaml", source, "c1");

        assertThat(saved.active()).isTrue();
        assertThat(taxonomies.active()).contains(saved);
        assertThat(saved.source()).isEqualTo(source);
        assertThat(saved.format()).isEqualTo("yaml");
    }

    @Test
    void activatingANewVersionDeactivatesThePreviousOne() {
        StoredTaxonomy v1 = taxonomies.saveAndActivate("v1", "yaml", "a", "c1");
        StoredTaxonomy v2 = taxonomies.saveAndActivate("v2", "case-json", "{}", "c2");

        assertThat(taxonomies.active()).map(StoredTaxonomy::id).contains(v2.id());
        assertThat(taxonomies.versions()).extracting(StoredTaxonomy::version, StoredTaxonomy::active)
                .containsExactly(tuple("v2", true),
                        tuple("v1", false));
        assertThat(rows("SELECT COUNT(*) FROM taxonomy_version WHERE active")).isEqualTo(1);
        assertThat(v1.id()).isNotEqualTo(v2.id());
    }

    @Test
    void reloadingAStoredVersionWithTheSameContentReactivatesIt() {
        StoredTaxonomy v1 = taxonomies.saveAndActivate("v1", "yaml", "a", "c1");
        taxonomies.saveAndActivate("v2", "yaml", "b", "c2");

        StoredTaxonomy again = taxonomies.saveAndActivate("v1", "yaml", "a", "c1");

        assertThat(again.id()).isEqualTo(v1.id());
        assertThat(taxonomies.active()).map(StoredTaxonomy::version).contains("v1");
        assertThat(taxonomies.versions()).hasSize(2);
    }

    @Test
    void refusesAStoredVersionWithDifferentContentAndKeepsTheActiveOne() {
        taxonomies.saveAndActivate("v1", "yaml", "a", "c1");
        taxonomies.saveAndActivate("v2", "yaml", "b", "c2");

        assertThatThrownBy(() -> taxonomies.saveAndActivate("v1", "yaml", "changed", "c3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v1");
        assertThat(taxonomies.active()).map(StoredTaxonomy::version).contains("v2");
    }
}
