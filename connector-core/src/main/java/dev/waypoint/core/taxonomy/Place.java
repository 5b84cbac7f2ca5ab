package dev.waypoint.core.taxonomy;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Where something sits in a taxonomy file: the line and column people see in their editor (counting
 * from 1) and the field path inside the document, such as {@code career_tracks[engineering].levels[2]}.
 */
record Place(int line, int column, String path) {

    static Place of(Node node, String path) {
        return of(node.getStartMark(), path);
    }

    static Place of(Mark mark, String path) {
        // SnakeYAML counts from 0; editors and people count from 1.
        return mark == null ? new Place(0, 0, path) : new Place(mark.getLine() + 1, mark.getColumn() + 1, path);
    }

    Place withPath(String otherPath) {
        return new Place(line, column, otherPath);
    }

    static Place nowhere(String path) {
        return new Place(0, 0, path);
    }
}
