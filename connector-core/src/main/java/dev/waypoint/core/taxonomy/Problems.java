package dev.waypoint.core.taxonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems found in one taxonomy file. Reading carries on after a problem so that the author sees
 * every mistake in one report instead of fixing them one upload at a time.
 */
final class Problems {

    private final String file;
    private final List<TaxonomyProblem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(Place place, String message) {
        found.add(new TaxonomyProblem(file, place.line(), place.column(), place.path(), message));
    }

    boolean any() {
        return !found.isEmpty();
    }

    /** In file order, which is the order an author fixes them in. */
    List<TaxonomyProblem> inFileOrder() {
        List<TaxonomyProblem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(TaxonomyProblem::line).thenComparingInt(TaxonomyProblem::column));
        return sorted;
    }
}
