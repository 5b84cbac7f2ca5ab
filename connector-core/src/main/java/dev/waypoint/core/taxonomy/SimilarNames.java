package dev.waypoint.core.taxonomy;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds the known name an author most likely meant, so that a report can say "did you mean 'sql'?"
 * next to a typo instead of leaving the author to search the file.
 */
final class SimilarNames {

    private SimilarNames() {
    }

    static Optional<String> closest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(typed.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= tolerance(typed) ? Optional.of(best) : Optional.empty();
    }

    /** " (did you mean 'x'?)", or nothing when no known name is close. */
    static String hint(String typed, Collection<String> known) {
        return closest(typed, known).map(name -> " (did you mean '" + name + "'?)").orElse("");
    }

    /** Short names tolerate one slip, longer ones two: further away, a suggestion is more noise than help. */
    static int tolerance(String typed) {
        return typed.length() <= 4 ? 1 : 2;
    }

    /** Optimal string alignment distance: edits plus swaps of neighbours, the commonest typing slip. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
