package dev.waypoint.core.taxonomy;

import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.taxonomy.LearningAsset.AssetType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code learning_assets} section: the courses, activities, badges, assessments and
 * certifications learners can take, what each teaches, its effort in hours and what must come first.
 */
final class AssetSectionReader {

    static final String SECTION = "learning_assets";
    static final List<String> FIELDS = List.of(
            "id", "name", "description", "type", "lms_refs", "teaches", "hours", "prerequisites", "evidence");

    /** The assets, and where each one lists its prerequisites (to place a cycle report). */
    record Assets(List<LearningAsset> assets, Map<String, Place> prerequisitePlaces) {
    }

    private final IdIndex index;
    private final SkillLevelsReader skillLevels;
    /** An LMS signal must lead to one asset, so a ref may belong to one asset only. */
    private final Map<String, String> assetByRef = new HashMap<>();

    AssetSectionReader(IdIndex index) {
        this.index = index;
        this.skillLevels = new SkillLevelsReader(index);
    }

    Assets read(YamlValue section) {
        List<LearningAsset> assets = new ArrayList<>();
        Map<String, Place> prerequisitePlaces = new LinkedHashMap<>();
        for (SectionEntries.Entry entry : SectionEntries.of(section, SECTION)) {
            YamlObject fields = entry.fields();
            fields.allowOnly(FIELDS);
            String name = fields.requiredText("name");
            YamlValue typeValue = fields.required("type");
            AssetType type = typeValue == null ? null : type(typeValue);
            List<String> refs = lmsRefs(fields, entry.id());
            List<SkillGrant> teaches = skillLevels.grants(fields.requiredItems("teaches"));
            Double hours = fields.requiredNumber("hours");
            if (hours != null && hours < 0) {
                fields.field("hours").ifPresent(value -> value.problem(
                        "hours cannot be negative, found " + value.text()));
            }
            List<String> prerequisites = prerequisites(fields);
            EvidenceKind completion = fields.field("evidence").map(EvidenceKinds::read).orElse(null);
            if (entry.id() == null) {
                continue;
            }
            index.define(IdIndex.Kind.ASSET, entry.id(), entry.idPlace());
            fields.field("prerequisites").ifPresent(value -> prerequisitePlaces.put(entry.id(), value.place()));
            assets.add(new LearningAsset(entry.id(), name == null ? entry.id() : name,
                    type == null ? AssetType.COURSE : type, refs, teaches, hours == null ? 0 : hours,
                    prerequisites, completion));
        }
        return new Assets(assets, prerequisitePlaces);
    }

    private static AssetType type(YamlValue value) {
        String name = value.text();
        if (name == null) {
            return null;
        }
        List<String> known = Arrays.stream(AssetType.values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList();
        if (!known.contains(name)) {
            value.problem("unknown asset type '" + name + "'" + SimilarNames.hint(name, known)
                    + "; known types: " + String.join(", ", known));
            return null;
        }
        return AssetType.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private List<String> lmsRefs(YamlObject fields, String assetId) {
        List<String> refs = new ArrayList<>();
        for (YamlValue item : fields.items("lms_refs")) {
            String ref = item.text();
            if (ref == null || !LmsRefs.check(item, ref)) {
                continue;
            }
            String owner = assetId == null ? null : assetByRef.putIfAbsent(ref, assetId);
            if (owner != null) {
                item.problem("LMS reference '" + ref + "' already belongs to learning asset '" + owner
                        + "'; one LMS object maps to one asset");
            }
            refs.add(ref);
        }
        return refs;
    }

    private List<String> prerequisites(YamlObject fields) {
        List<String> ids = new ArrayList<>();
        for (YamlValue item : fields.items("prerequisites")) {
            String id = item.text();
            if (id != null) {
                index.refer(IdIndex.Kind.ASSET, id, item.place());
                ids.add(id);
            }
        }
        return ids;
    }
}
