package dev.waypoint.core.evidence;

import dev.waypoint.core.taxonomy.SkillGrant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One piece of evidence as the readiness model and verification see it: one skill, one level, one
 * kind, one date. A stored {@link Evidence} with three skill grants gives three of these.
 */
public record SkillEvidence(String evidenceId, String skillId, EvidenceKind kind, int level, Instant occurredAt) {

    /** Flattens stored evidence for the engine, leaving out revoked evidence and the revocations. */
    public static List<SkillEvidence> flatten(Collection<Evidence> evidence) {
        Set<String> revoked = new HashSet<>();
        for (Evidence e : evidence) {
            if (e.isRevocation() && e.revokes() != null) {
                revoked.add(e.revokes());
            }
        }
        List<SkillEvidence> out = new ArrayList<>();
        for (Evidence e : evidence) {
            if (e.isRevocation() || revoked.contains(e.naturalKey())) {
                continue;
            }
            for (SkillGrant grant : e.grants()) {
                out.add(new SkillEvidence(e.id(), grant.skillId(), e.kind(), grant.level(), e.occurredAt()));
            }
        }
        return out;
    }
}
