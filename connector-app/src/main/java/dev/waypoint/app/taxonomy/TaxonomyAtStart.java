package dev.waypoint.app.taxonomy;

import dev.waypoint.app.config.WaypointProperties;
import dev.waypoint.core.store.TaxonomyRepository;
import dev.waypoint.core.taxonomy.TaxonomyLoadResult;
import dev.waypoint.core.taxonomy.TaxonomyProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Puts a taxonomy in force when the server starts: the stored active version if there is one,
 * otherwise the configured file ({@code waypoint.taxonomy-location}), otherwise the sample taxonomy.
 * A configured file that does not validate stops the start with its line-numbered report: a server
 * running on a taxonomy other than the one its admin configured would mislead everyone.
 * It runs before the web server opens, so no request ever finds the server without a taxonomy.
 */
@Component
public class TaxonomyAtStart implements SmartInitializingSingleton {

    public static final String SAMPLE = "classpath:samples/taxonomy/waypoint-sample.yaml";

    private static final Logger log = LoggerFactory.getLogger(TaxonomyAtStart.class);

    private final TaxonomyRepository versions;
    private final TaxonomyImport taxonomyImport;
    private final WaypointProperties properties;

    public TaxonomyAtStart(TaxonomyRepository versions, TaxonomyImport taxonomyImport, WaypointProperties properties) {
        this.versions = versions;
        this.taxonomyImport = taxonomyImport;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            putTaxonomyInForce();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the taxonomy: " + e.getMessage(), e);
        }
    }

    private void putTaxonomyInForce() throws IOException {
        var stored = versions.active();
        if (stored.isPresent() && taxonomyImport.activateStored(stored.get())) {
            log.info("taxonomy {} in force (stored {})", stored.get().version(), stored.get().loadedAt());
            return;
        }
        String location = properties.taxonomyLocation().isBlank() ? SAMPLE : properties.taxonomyLocation();
        Resource resource = new DefaultResourceLoader().getResource(location.contains(":") ? location : "file:" + location);
        if (!resource.exists()) {
            throw new IllegalStateException("waypoint.taxonomy-location: no file at " + location);
        }
        String yaml = resource.getContentAsString(StandardCharsets.UTF_8);
        TaxonomyLoadResult result = taxonomyImport.importYaml(resource.getFilename(), yaml);
        if (!result.ok()) {
            throw new IllegalStateException("the taxonomy at " + location + " does not validate:\n"
                    + result.problems().stream().map(TaxonomyProblem::toString).collect(Collectors.joining("\n")));
        }
        log.info("taxonomy {} loaded from {}", result.taxonomy().version(), location);
    }
}
