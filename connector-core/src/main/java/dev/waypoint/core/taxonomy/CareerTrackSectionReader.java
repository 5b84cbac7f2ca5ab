package dev.waypoint.core.taxonomy;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code career_tracks} section, the part HR teams already write: each track's ladder of
 * levels (plain ids, maps with a title and requirements, or a map keyed by level id) becomes one role
 * per level, {@code <track>.<level>}, ranked by its position. HR's own fields in tracks and levels
 * (salary bands, job families, descriptions) are let through and ignored.
 */
final class CareerTrackSectionReader {

    static final String SECTION = "career_tracks";
    static final List<String> TRACK_FIELDS = List.of("id", "name", "levels", "lateral_moves");
    static final List<String> LEVEL_FIELDS = List.of("id", "title", "name", "requires");
    static final List<String> MOVE_FIELDS = List.of("from", "to");

    /** What the section holds: the tracks and the roles their levels define. */
    record Tracks(List<CareerTrack> tracks, List<Role> roles) {
    }

    private final IdIndex index;
    private final Problems problems;
    private final SkillLevelsReader skillLevels;

    CareerTrackSectionReader(IdIndex index, Problems problems) {
        this.index = index;
        this.problems = problems;
        this.skillLevels = new SkillLevelsReader(index);
    }

    Tracks read(YamlValue section) {
        List<CareerTrack> tracks = new ArrayList<>();
        List<Role> roles = new ArrayList<>();
        for (SectionEntries.Entry entry : SectionEntries.of(section, SECTION)) {
            YamlObject fields = entry.fields();
            fields.allowOthersExceptTyposOf(TRACK_FIELDS);
            String trackId = entry.id();
            if (trackId != null) {
                checkNoDot(trackId, "track", entry.idPlace());
                index.define(IdIndex.Kind.TRACK, trackId, entry.idPlace());
            }
            String name = fields.text("name");
            List<Role> ladder = levels(fields, trackId == null ? "?" : trackId);
            List<LateralMove> moves = lateralMoves(fields, trackId);
            if (trackId == null) {
                continue;
            }
            roles.addAll(ladder);
            tracks.add(new CareerTrack(trackId, name == null ? trackId : name,
                    ladder.stream().map(Role::id).toList(), moves));
        }
        return new Tracks(tracks, roles);
    }

    private List<Role> levels(YamlObject track, String trackId) {
        YamlValue levels = track.required("levels");
        List<Role> roles = new ArrayList<>();
        if (levels == null) {
            return roles;
        }
        if (levels.isMap()) {
            // A map keyed by level id keeps the order written, which is the ladder order.
            for (NodeTuple tuple : ((MappingNode) levels.node()).getValue()) {
                YamlValue key = new YamlValue(tuple.getKeyNode(), levels.path(), levels.problems());
                String levelId = key.text();
                YamlValue value = new YamlValue(tuple.getValueNode(),
                        levels.path() + "[" + levelId + "]", levels.problems());
                if (levelId != null) {
                    roles.add(level(trackId, levelId, key.place(), value.isNull() ? null : value.object(),
                            roles.size() + 1));
                }
            }
        } else {
            List<YamlValue> items = levels.items();
            if (levels.isList() && items.isEmpty()) {
                levels.problem("a track needs at least one level");
            }
            for (YamlValue item : items) {
                Role role = item.isMap() ? levelFromMap(trackId, item, roles.size() + 1)
                        : levelFromId(trackId, item, roles.size() + 1);
                if (role != null) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private Role levelFromId(String trackId, YamlValue item, int rank) {
        String levelId = item.text();
        return levelId == null ? null : level(trackId, levelId, item.place(), null, rank);
    }

    private Role levelFromMap(String trackId, YamlValue item, int rank) {
        YamlObject fields = item.object();
        YamlValue idValue = fields.required("id");
        String levelId = idValue == null ? null : idValue.text();
        return levelId == null ? null : level(trackId, levelId, idValue.place(), fields, rank);
    }

    private Role level(String trackId, String levelId, Place idPlace, YamlObject fields, int rank) {
        checkNoDot(levelId, "level", idPlace);
        String roleId = trackId + "." + levelId;
        index.define(IdIndex.Kind.ROLE, roleId, idPlace);
        String title = null;
        List<SkillRequirement> requirements = List.of();
        if (fields != null) {
            fields.allowOthersExceptTyposOf(LEVEL_FIELDS);
            title = fields.text("title") != null ? fields.text("title") : fields.text("name");
            requirements = skillLevels.requirements(fields.items("requires"));
        }
        return new Role(roleId, title == null ? levelId : title, trackId, rank, requirements);
    }

    private List<LateralMove> lateralMoves(YamlObject track, String trackId) {
        List<LateralMove> moves = new ArrayList<>();
        for (YamlValue item : track.items("lateral_moves")) {
            YamlObject move = item.object();
            if (move == null) {
                continue;
            }
            move.allowOnly(MOVE_FIELDS);
            YamlValue fromValue = move.required("from");
            YamlValue toValue = move.required("to");
            String from = fromValue == null ? null : fromValue.text();
            String to = toValue == null ? null : toValue.text();
            if (from == null || to == null || trackId == null) {
                continue;
            }
            // Within its own track a move may name its start by level alone: 'from: ic3'.
            String fromRole = from.contains(".") ? from : trackId + "." + from;
            if (!fromRole.startsWith(trackId + ".")) {
                fromValue.problem("a lateral move listed under track '" + trackId
                        + "' must start from one of its roles, not '" + from + "'");
                continue;
            }
            if (!to.contains(".")) {
                toValue.problem("write the target role as <track>.<level>, for example 'product." + to + "'");
                continue;
            }
            if (to.startsWith(trackId + ".")) {
                toValue.problem("a lateral move leads to another track; '" + to
                        + "' is on the same ladder as '" + fromRole + "'");
                continue;
            }
            index.refer(IdIndex.Kind.ROLE, fromRole, fromValue.place());
            index.refer(IdIndex.Kind.ROLE, to, toValue.place());
            moves.add(new LateralMove(fromRole, to));
        }
        return moves;
    }

    private void checkNoDot(String id, String what, Place place) {
        if (id.contains(".")) {
            problems.add(place, "a " + what + " id cannot contain '.', which separates track and level in role ids ('"
                    + id + "')");
        }
    }
}
