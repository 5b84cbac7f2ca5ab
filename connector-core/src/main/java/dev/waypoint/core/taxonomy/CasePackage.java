package dev.waypoint.core.taxonomy;

import java.util.List;

/**
 * The parts of a 1EdTech CASE 1.1 package (a {@code CFPackage}) that become skills: its document, its
 * items and their associations, each with the JSON path it was read from, for problem reports.
 */
record CasePackage(String documentId, String title, String version, List<Item> items,
                   List<Association> associations) {

    /** A {@code CFItem}: a competency statement, or one level of a competency. */
    record Item(String identifier, String fullStatement, String abbreviatedStatement, String humanCodingScheme,
                String listEnumeration, String path) {

        /** How people name the item: the short statement where the package has one. */
        String name() {
            return abbreviatedStatement != null ? abbreviatedStatement : fullStatement;
        }
    }

    /** A {@code CFAssociation}: origin → destination, of a type such as {@code isChildOf}. */
    record Association(String type, String originId, String destinationId, Integer sequenceNumber, String path) {
    }
}
