package dev.waypoint.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Taxonomy versions as they were loaded: the source text is kept (and re-parsed on start) so that any
 * score can be traced to the exact taxonomy that produced it. One version is active at a time.
 */
public interface TaxonomyRepository {

    /** Stores a validated source as a new version and makes it the active one, in one transaction. */
    StoredTaxonomy saveAndActivate(String version, String format, String source, String checksum);

    Optional<StoredTaxonomy> active();

    List<StoredTaxonomy> versions();

    /** A stored taxonomy source. {@code format} is "yaml" or "case-json". */
    record StoredTaxonomy(long id, String version, String format, String source, String checksum,
                          Instant loadedAt, boolean active) {
    }
}
