package dev.waypoint.core.hrsync;

import dev.waypoint.core.Sha256;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The records one person needs so HR matches what is verified now: an upsert for every skill that is
 * new or whose record changed (upgrade, downgrade after decay, new evidence, new e-mail), a removal for
 * every skill HR holds that is verified at no level any more (decayed away or revoked). A full snapshot
 * upserts every verified skill whether it changed or not.
 */
public final class SkillDiff {

    private SkillDiff() {
    }

    /**
     * One record with the hash it will leave in the sent state once delivered, and the hash of what HR
     * holds now for that skill (null when it holds nothing), so settling can skip what did not change.
     */
    public record Change(String personId, HrRecord record, String hash, String sentHash) {

        public boolean remove() {
            return record.action() == HrRecord.Action.REMOVE;
        }
    }

    public static List<Change> between(String personId, String hrEmployeeId, String email,
                                       Map<String, VerifiedSkill> verified, Map<String, SentSkill> sent,
                                       Map<String, String> skillNames, String taxonomyVersion, SyncMode mode) {
        List<Change> changes = new ArrayList<>();
        TreeSet<String> skills = new TreeSet<>(verified.keySet());
        skills.addAll(sent.keySet());
        for (String skillId : skills) {
            VerifiedSkill now = verified.get(skillId);
            SentSkill before = sent.get(skillId);
            String name = skillNames.getOrDefault(skillId, skillId);
            if (now != null) {
                HrRecord record = new HrRecord(HrRecord.SCHEMA_VERSION, HrRecord.Action.UPSERT, hrEmployeeId, email,
                        skillId, name, now.level(), now.verifiedAt(), now.evidence(), taxonomyVersion);
                String hash = hash(record);
                if (mode == SyncMode.FULL || before == null || !before.hash().equals(hash)) {
                    changes.add(new Change(personId, record, hash, before == null ? null : before.hash()));
                }
            } else {
                HrRecord record = new HrRecord(HrRecord.SCHEMA_VERSION, HrRecord.Action.REMOVE, hrEmployeeId, email,
                        skillId, name, before.level(), before.verifiedAt(), List.of(), taxonomyVersion);
                changes.add(new Change(personId, record, null, before.hash()));
            }
        }
        return changes;
    }

    /** Leaves out the taxonomy version, so loading a new taxonomy alone does not re-send everyone. */
    static String hash(HrRecord r) {
        StringBuilder text = new StringBuilder()
                .append(r.hrEmployeeId()).append('|').append(r.email()).append('|').append(r.skillId()).append('|')
                .append(r.skillName()).append('|').append(r.level()).append('|').append(r.verifiedAt());
        for (HrRecord.EvidenceSummary e : r.evidence()) {
            text.append('|').append(e.kind()).append(',').append(e.level()).append(',').append(e.occurredAt());
        }
        return Sha256.hex(text.toString());
    }
}
