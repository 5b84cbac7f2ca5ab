package dev.waypoint.core.taxonomy;

import dev.waypoint.core.evidence.EvidenceKind;

import java.util.Arrays;
import java.util.List;

/**
 * Reads an evidence kind by its wire name ({@code course_completion}, {@code peer_review}…). A
 * revocation withdraws evidence and grants nothing, so no taxonomy entry may be built on one.
 */
final class EvidenceKinds {

    private EvidenceKinds() {
    }

    static List<String> usableWireNames() {
        return Arrays.stream(EvidenceKind.values())
                .filter(kind -> kind != EvidenceKind.REVOCATION)
                .map(EvidenceKind::wireName)
                .toList();
    }

    /** The kind, or null after reporting an unknown or unusable name. */
    static EvidenceKind read(YamlValue value) {
        String name = value.text();
        if (name == null) {
            return null;
        }
        EvidenceKind kind = EvidenceKind.fromWireName(name).orElse(null);
        if (kind == EvidenceKind.REVOCATION) {
            value.problem("'revocation' withdraws evidence and cannot complete or grant anything");
            return null;
        }
        if (kind == null) {
            List<String> known = usableWireNames();
            value.problem("unknown evidence kind '" + name + "'" + SimilarNames.hint(name, known)
                    + "; known kinds: " + String.join(", ", known));
        }
        return kind;
    }
}
