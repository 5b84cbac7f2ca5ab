package dev.waypoint.core.taxonomy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks ids across the whole file once it has been read: every id is defined once, and every
 * reference (a role's skill, an asset's prerequisite, a lateral move's target…) names something that
 * exists. Messages suggest the closest existing id, since most unknown ids are typos.
 */
final class ReferenceCheck {

    private final IdIndex index;
    private final Problems problems;

    ReferenceCheck(IdIndex index, Problems problems) {
        this.index = index;
        this.problems = problems;
    }

    void run() {
        reportDuplicates();
        for (IdIndex.Reference reference : index.references()) {
            if (!index.isDefined(reference.kind(), reference.id())) {
                problems.add(reference.place(), unknown(reference));
            }
        }
    }

    private void reportDuplicates() {
        Set<String> repeatedTracks = new HashSet<>();
        for (IdIndex.Definition duplicate : index.duplicates()) {
            if (duplicate.kind() == IdIndex.Kind.TRACK) {
                repeatedTracks.add(duplicate.id());
            }
        }
        for (IdIndex.Definition duplicate : index.duplicates()) {
            int firstLine = index.definition(duplicate.kind(), duplicate.id()).place().line();
            if (duplicate.kind() != IdIndex.Kind.ROLE) {
                problems.add(duplicate.place(), "duplicate " + duplicate.kind().words() + " id '" + duplicate.id()
                        + "' (first defined at line " + firstLine + ")");
                continue;
            }
            String track = trackOf(duplicate.id());
            // A repeated track repeats all its levels; the track's own report says it all.
            if (!repeatedTracks.contains(track)) {
                problems.add(duplicate.place(), "level '" + levelOf(duplicate.id()) + "' appears twice in track '"
                        + track + "' (first at line " + firstLine + ")");
            }
        }
    }

    private String unknown(IdIndex.Reference reference) {
        String id = reference.id();
        if (reference.kind() != IdIndex.Kind.ROLE) {
            return "unknown " + reference.kind().words() + " '" + id + "'"
                    + SimilarNames.hint(id, index.ids(reference.kind()));
        }
        List<String> roles = index.ids(IdIndex.Kind.ROLE);
        if (!id.contains(".")) {
            List<String> sameLevel = roles.stream().filter(role -> levelOf(role).equals(id)).toList();
            String hint = sameLevel.isEmpty() ? SimilarNames.hint(id, roles)
                    : " (did you mean '" + sameLevel.get(0) + "'?)";
            return "unknown role '" + id + "': roles are written <track>.<level>" + hint;
        }
        String track = trackOf(id);
        if (!index.isDefined(IdIndex.Kind.TRACK, track)) {
            return "unknown career track '" + track + "' in role '" + id + "'"
                    + SimilarNames.hint(track, index.ids(IdIndex.Kind.TRACK));
        }
        List<String> sameTrack = roles.stream().filter(role -> trackOf(role).equals(track)).toList();
        return "unknown role '" + id + "': track '" + track + "' has no level '" + levelOf(id) + "'"
                + SimilarNames.hint(id, sameTrack);
    }

    private static String trackOf(String roleId) {
        int dot = roleId.indexOf('.');
        return dot < 0 ? roleId : roleId.substring(0, dot);
    }

    private static String levelOf(String roleId) {
        int dot = roleId.indexOf('.');
        return dot < 0 ? roleId : roleId.substring(dot + 1);
    }
}
