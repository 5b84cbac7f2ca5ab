package dev.waypoint.core.taxonomy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The taxonomy in force now. Readers take one consistent version per unit of work (one recompute,
 * one request) and are never shown a half-swapped taxonomy.
 */
public final class ActiveTaxonomy {

    private final AtomicReference<Taxonomy> current = new AtomicReference<>();

    public void activate(Taxonomy taxonomy) {
        current.set(taxonomy);
    }

    public Optional<Taxonomy> current() {
        return Optional.ofNullable(current.get());
    }

    /** The taxonomy in force; fails when none has been loaded (the server loads the sample at start). */
    public Taxonomy require() {
        Taxonomy taxonomy = current.get();
        if (taxonomy == null) {
            throw new IllegalStateException("no taxonomy is loaded");
        }
        return taxonomy;
    }
}
