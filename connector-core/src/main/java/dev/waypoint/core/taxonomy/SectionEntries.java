package dev.waypoint.core.taxonomy;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entries of a top-level section, written either as a list of maps that each carry an {@code id}
 * or as a map keyed by id ({@code career_tracks: {engineering: {name: ...}}}): HR files use both, so
 * every section accepts both. Each entry is named by its id in problem paths
 * ({@code skills[sql].levels}), or by its position when it has none.
 */
final class SectionEntries {

    /** One entry: its id (null when missing, already reported), where the id is written, its fields. */
    record Entry(String id, Place idPlace, YamlObject fields) {
    }

    private SectionEntries() {
    }

    static List<Entry> of(YamlValue section, String sectionName) {
        List<Entry> entries = new ArrayList<>();
        if (section.isMap()) {
            MappingNode map = (MappingNode) section.node();
            for (NodeTuple tuple : map.getValue()) {
                readKeyed(tuple, sectionName, section.problems()).ifPresent(entries::add);
            }
        } else if (section.isList()) {
            List<YamlValue> items = section.items();
            for (int i = 0; i < items.size(); i++) {
                readListed(items.get(i), sectionName, i).ifPresent(entries::add);
            }
        } else {
            section.problem("expected a list of entries (or a map keyed by id), found " + section.describe());
        }
        return entries;
    }

    private static Optional<Entry> readListed(YamlValue item, String sectionName, int index) {
        if (!item.isMap()) {
            item.problem("expected an entry with an 'id' and its fields, found " + item.describe());
            return Optional.empty();
        }
        String peeked = peekId((MappingNode) item.node());
        String path = sectionName + "[" + (peeked != null ? peeked : String.valueOf(index)) + "]";
        YamlObject fields = new YamlObject((MappingNode) item.node(), path, item.problems());
        YamlValue idValue = fields.required("id");
        String id = idValue == null ? null : idValue.text();
        return Optional.of(new Entry(id, idValue == null ? fields.place() : idValue.place(), fields));
    }

    private static Optional<Entry> readKeyed(NodeTuple tuple, String sectionName, Problems problems) {
        YamlValue key = new YamlValue(tuple.getKeyNode(), sectionName, problems);
        if (!key.isScalar()) {
            key.problem("expected an id as the key, found " + key.describe());
            return Optional.empty();
        }
        String id = key.text();
        String path = sectionName + "[" + id + "]";
        YamlValue value = new YamlValue(tuple.getValueNode(), path, problems);
        if (!value.isMap()) {
            value.problem("expected the fields of '" + id + "', found " + value.describe());
            return Optional.empty();
        }
        YamlObject fields = new YamlObject((MappingNode) value.node(), path, problems);
        String written = fields.text("id");
        if (written != null && !written.equals(id)) {
            fields.field("id").ifPresent(idValue -> idValue.problem(
                    "the id '" + written + "' differs from its key '" + id + "'; write one id"));
        }
        return Optional.of(new Entry(id, key.place(), fields));
    }

    /** The id as written, to name the entry in paths before its fields are read. */
    private static String peekId(MappingNode map) {
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("id")
                    && tuple.getValueNode() instanceof ScalarNode value && !value.getValue().isEmpty()) {
                return value.getValue();
            }
        }
        return null;
    }
}
