package dev.waypoint.core.taxonomy;

/**
 * One problem found while loading a taxonomy: where (file, line, column, the path of the field inside
 * the document) and what is wrong. Lines and columns count from 1; 0 where the problem has no place
 * (for example a cycle that spans several entries names the first of them).
 */
public record TaxonomyProblem(String file, int line, int column, String path, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + path + ": " + message;
    }
}
