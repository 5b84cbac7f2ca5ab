package dev.waypoint.app.taxonomy;

import dev.waypoint.core.evidence.NaturalKey;
import dev.waypoint.core.store.TaxonomyRepository;
import dev.waypoint.core.store.TaxonomyRepository.StoredTaxonomy;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.Taxonomy;
import dev.waypoint.core.taxonomy.TaxonomyLoadResult;
import dev.waypoint.core.taxonomy.TaxonomyYamlLoader;
import org.springframework.stereotype.Component;

/**
 * Loads a taxonomy source: validates it completely, and only when nothing is wrong stores it as a new
 * version and makes it the one in force. A rejected source changes nothing.
 */
@Component
public class TaxonomyImport {

    private final TaxonomyYamlLoader loader;
    private final TaxonomyRepository versions;
    private final ActiveTaxonomy active;

    public TaxonomyImport(TaxonomyYamlLoader loader, TaxonomyRepository versions, ActiveTaxonomy active) {
        this.loader = loader;
        this.versions = versions;
        this.active = active;
    }

    /** Validates and, when valid, stores and activates; answers the load result either way. */
    public TaxonomyLoadResult importYaml(String fileName, String yaml) {
        TaxonomyLoadResult result = loader.load(fileName, yaml);
        if (result.ok()) {
            Taxonomy taxonomy = result.taxonomy();
            versions.saveAndActivate(taxonomy.version(), "yaml", yaml, NaturalKey.contentHash(yaml));
            active.activate(taxonomy);
        }
        return result;
    }

    /** Re-activates a stored version (at start). Answers false when the stored source no longer loads. */
    public boolean activateStored(StoredTaxonomy stored) {
        TaxonomyLoadResult result = loader.load("taxonomy version " + stored.version(), stored.source());
        result.asOptional().ifPresent(active::activate);
        return result.ok();
    }
}
