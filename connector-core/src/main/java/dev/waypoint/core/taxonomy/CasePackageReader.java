package dev.waypoint.core.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the JSON tree of a CASE 1.1 {@code CFPackage} ({@code CFDocument}, {@code CFItems},
 * {@code CFAssociations}) into a {@link CasePackage}, reporting missing or mistyped fields by their
 * JSON path. Fields Waypoint has no use for (rubrics, definitions, licences…) are left alone.
 */
final class CasePackageReader {

    private final Problems problems;

    CasePackageReader(Problems problems) {
        this.problems = problems;
    }

    CasePackage read(JsonNode root) {
        if (!root.isObject()) {
            problem("", "a CASE package is a JSON object with CFDocument, CFItems and CFAssociations");
            return null;
        }
        JsonNode document = root.path("CFDocument");
        if (!document.isObject()) {
            problem("CFDocument", "'CFDocument' is missing: this is not a CASE CFPackage");
            return null;
        }
        String documentId = text(document, "identifier", "CFDocument", true);
        String title = text(document, "title", "CFDocument", false);
        String version = text(document, "version", "CFDocument", false);
        String lastChange = text(document, "lastChangeDateTime", "CFDocument", false);
        return new CasePackage(documentId, title, firstOf(version, lastChange, documentId),
                items(root.path("CFItems")), associations(root.path("CFAssociations")));
    }

    private List<CasePackage.Item> items(JsonNode list) {
        List<CasePackage.Item> items = new ArrayList<>();
        for (int i = 0; i < size(list, "CFItems"); i++) {
            String path = "CFItems[" + i + "]";
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                problem(path, "expected a CFItem object");
                continue;
            }
            String identifier = text(item, "identifier", path, true);
            String statement = text(item, "fullStatement", path, true);
            if (identifier != null && statement != null) {
                items.add(new CasePackage.Item(identifier, statement, text(item, "abbreviatedStatement", path, false),
                        text(item, "humanCodingScheme", path, false), text(item, "listEnumeration", path, false),
                        path));
            }
        }
        return items;
    }

    private List<CasePackage.Association> associations(JsonNode list) {
        List<CasePackage.Association> associations = new ArrayList<>();
        for (int i = 0; i < size(list, "CFAssociations"); i++) {
            String path = "CFAssociations[" + i + "]";
            JsonNode association = list.get(i);
            if (!association.isObject()) {
                problem(path, "expected a CFAssociation object");
                continue;
            }
            String type = text(association, "associationType", path, true);
            String origin = nodeId(association, "originNodeURI", path);
            String destination = nodeId(association, "destinationNodeURI", path);
            JsonNode sequence = association.path("sequenceNumber");
            Integer sequenceNumber = sequence.canConvertToInt() && sequence.isIntegralNumber() ? sequence.intValue() : null;
            if (type != null && origin != null && destination != null) {
                associations.add(new CasePackage.Association(type, origin, destination, sequenceNumber, path));
            }
        }
        return associations;
    }

    /** The identifier inside a LinkGenURI ({@code {title, identifier, uri}}). */
    private String nodeId(JsonNode association, String field, String path) {
        JsonNode link = association.path(field);
        if (!link.isObject()) {
            problem(path + "." + field, "'" + field + "' is missing or not a link {identifier, uri}");
            return null;
        }
        return text(link, "identifier", path + "." + field, true);
    }

    /** The number of entries of an optional list; reports a value that is not a list. */
    private int size(JsonNode list, String path) {
        if (list.isMissingNode() || list.isNull()) {
            return 0;
        }
        if (!list.isArray()) {
            problem(path, "expected a list");
            return 0;
        }
        return list.size();
    }

    private String text(JsonNode object, String field, String path, boolean required) {
        JsonNode value = object.path(field);
        String fieldPath = path.isEmpty() ? field : path + "." + field;
        if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            if (required) {
                problem(fieldPath, "'" + field + "' is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            problem(fieldPath, "expected text, found " + value.getNodeType().name().toLowerCase(Locale.ROOT));
            return null;
        }
        return value.asText();
    }

    private void problem(String path, String message) {
        problems.add(Place.nowhere(path), message);
    }

    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
