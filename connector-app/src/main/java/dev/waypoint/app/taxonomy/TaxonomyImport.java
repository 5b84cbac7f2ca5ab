package dev.waypoint.app.taxonomy;

import dev.waypoint.core.evidence.NaturalKey;
import dev.waypoint.core.store.TaxonomyRepository;
import dev.waypoint.core.store.TaxonomyRepository.StoredTaxonomy;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.CaseJsonImporter;
import dev.waypoint.core.taxonomy.Taxonomy;
import dev.waypoint.core.taxonomy.TaxonomyLoadResult;
import dev.waypoint.core.taxonomy.TaxonomyYamlLoader;
import org.springframework.stereotype.Component;

/**
 * Loads a taxonomy source (Waypoint YAML, or a CASE 1.1 package): validates it completely, and only when nothing is wrong stores it as a new
 * version and makes it the one in force. A rejected source changes nothing.
 */
@Component
public class TaxonomyImport {

    static final String YAML = "yaml";
    static final String CASE_JSON = "case-json";

    private final TaxonomyYamlLoader loader;
    private final CaseJsonImporter caseImporter = new CaseJsonImporter();
    private final TaxonomyRepository versions;
    private final ActiveTaxonomy active;

    public TaxonomyImport(TaxonomyYamlLoader loader, TaxonomyRepository versions, ActiveTaxonomy active) {
        this.loader = loader;
        this.versions = versions;
        this.active = active;
    }

    /** Validates a taxonomy YAML and, when valid, stores and activates it; answers the load result either way. */
    public TaxonomyLoadResult importYaml(String fileName, String yaml) {
        return keepIfValid(YAML, yaml, loader.load(fileName, yaml));
    }

    /** The same for a 1EdTech CASE 1.1 package (CFPackage JSON). */
    public TaxonomyLoadResult importCase(String fileName, String json) {
        return keepIfValid(CASE_JSON, json, caseImporter.importPackage(fileName, json));
    }

    /** Re-activates a stored version (at start). Answers false when the stored source no longer loads. */
    public boolean activateStored(StoredTaxonomy stored) {
        String name = "taxonomy version " + stored.version();
        TaxonomyLoadResult result = CASE_JSON.equals(stored.format())
                ? caseImporter.importPackage(name, stored.source())
                : loader.load(name, stored.source());
        result.asOptional().ifPresent(active::activate);
        return result.ok();
    }

    private TaxonomyLoadResult keepIfValid(String format, String source, TaxonomyLoadResult result) {
        if (result.ok()) {
            Taxonomy taxonomy = result.taxonomy();
            versions.saveAndActivate(taxonomy.version(), format, source, NaturalKey.contentHash(source));
            active.activate(taxonomy);
        }
        return result;
    }
}
