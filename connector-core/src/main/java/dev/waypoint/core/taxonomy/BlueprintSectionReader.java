package dev.waypoint.core.taxonomy;

import dev.waypoint.core.evidence.EvidenceKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code blueprints} section: how people move from one role to another, as dated milestones
 * each completed by a kind of evidence, and optionally the verification steps of that move.
 */
final class BlueprintSectionReader {

    static final String SECTION = "blueprints";
    static final List<String> FIELDS = List.of("id", "name", "description", "from", "to", "milestones", "verification");
    static final List<String> MILESTONE_FIELDS = List.of(
            "id", "name", "description", "evidence", "skills", "assets", "due_days");

    private final IdIndex index;
    private final SkillLevelsReader skillLevels;

    BlueprintSectionReader(IdIndex index) {
        this.index = index;
        this.skillLevels = new SkillLevelsReader(index);
    }

    List<RoleBlueprint> read(YamlValue section) {
        List<RoleBlueprint> blueprints = new ArrayList<>();
        for (SectionEntries.Entry entry : SectionEntries.of(section, SECTION)) {
            YamlObject fields = entry.fields();
            fields.allowOnly(FIELDS);
            String name = fields.requiredText("name");
            String from = roleReference(fields, "from");
            String to = roleReference(fields, "to");
            if (from != null && from.equals(to)) {
                fields.field("to").ifPresent(value -> value.problem(
                        "a blueprint leads to another role; 'from' and 'to' are both '" + from + "'"));
            }
            List<Milestone> milestones = milestones(fields.requiredItems("milestones"));
            var verification = fields.field("verification").map(VerificationReader::read).orElse(null);
            if (entry.id() == null) {
                continue;
            }
            index.define(IdIndex.Kind.BLUEPRINT, entry.id(), entry.idPlace());
            blueprints.add(new RoleBlueprint(entry.id(), name == null ? entry.id() : name, from, to,
                    milestones, verification));
        }
        return blueprints;
    }

    private String roleReference(YamlObject fields, String key) {
        YamlValue value = fields.required(key);
        String roleId = value == null ? null : value.text();
        if (roleId != null) {
            index.refer(IdIndex.Kind.ROLE, roleId, value.place());
        }
        return roleId;
    }

    private List<Milestone> milestones(List<YamlValue> items) {
        List<Milestone> milestones = new ArrayList<>();
        Map<String, Integer> seenAtLine = new HashMap<>();
        for (YamlValue item : items) {
            YamlObject fields = item.object();
            if (fields == null) {
                continue;
            }
            fields.allowOnly(MILESTONE_FIELDS);
            YamlValue idValue = fields.required("id");
            String id = idValue == null ? null : idValue.text();
            String name = fields.requiredText("name");
            YamlValue evidenceValue = fields.required("evidence");
            EvidenceKind evidence = evidenceValue == null ? null : EvidenceKinds.read(evidenceValue);
            List<String> skills = skillLevels.skillIds(fields.requiredItems("skills"));
            List<String> assets = assetIds(fields.items("assets"));
            Integer dueDays = fields.requiredWholeNumber("due_days");
            if (dueDays != null && dueDays < 0) {
                fields.field("due_days").ifPresent(value -> value.problem(
                        "due_days counts days from the start of the path and cannot be negative, found " + dueDays));
            }
            if (id == null) {
                continue;
            }
            Integer earlier = seenAtLine.putIfAbsent(id, idValue.place().line());
            if (earlier != null) {
                idValue.problem("duplicate milestone id '" + id + "' in this blueprint (first at line " + earlier + ")");
            }
            milestones.add(new Milestone(id, name == null ? id : name, evidence, skills, assets,
                    dueDays == null ? 0 : dueDays));
        }
        return milestones;
    }

    private List<String> assetIds(List<YamlValue> items) {
        List<String> ids = new ArrayList<>();
        for (YamlValue item : items) {
            String id = item.text();
            if (id != null) {
                index.refer(IdIndex.Kind.ASSET, id, item.place());
                ids.add(id);
            }
        }
        return ids;
    }
}
