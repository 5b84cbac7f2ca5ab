package dev.waypoint.core.taxonomy;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of loading a taxonomy: a taxonomy when nothing is wrong, otherwise every problem found
 * (and no taxonomy at all: a taxonomy with problems is never half-loaded).
 */
public record TaxonomyLoadResult(Taxonomy taxonomy, List<TaxonomyProblem> problems) {

    public TaxonomyLoadResult {
        problems = List.copyOf(problems);
        if ((taxonomy == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a load result has a taxonomy or problems, not both");
        }
    }

    public static TaxonomyLoadResult loaded(Taxonomy taxonomy) {
        return new TaxonomyLoadResult(taxonomy, List.of());
    }

    public static TaxonomyLoadResult failed(List<TaxonomyProblem> problems) {
        return new TaxonomyLoadResult(null, problems);
    }

    public boolean ok() {
        return taxonomy != null;
    }

    public Optional<Taxonomy> asOptional() {
        return Optional.ofNullable(taxonomy);
    }
}
