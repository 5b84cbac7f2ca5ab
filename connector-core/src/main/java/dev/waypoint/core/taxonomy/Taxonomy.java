package dev.waypoint.core.taxonomy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One validated version of the skill taxonomy: skills, career tracks, roles, competency frameworks,
 * role blueprints, learning assets and evidence rules. Immutable; the loader only builds one when every
 * check has passed, so the engine can rely on every reference resolving.
 */
public final class Taxonomy {

    private final String version;
    private final Map<String, Skill> skills;
    private final Map<String, CareerTrack> tracks;
    private final Map<String, Role> roles;
    private final List<CompetencyFramework> frameworks;
    private final Map<String, RoleBlueprint> blueprints;
    private final Map<String, LearningAsset> assets;
    private final List<EvidenceRule> rules;
    private final Map<String, LearningAsset> assetsByLmsRef;

    public Taxonomy(String version, List<Skill> skills, List<CareerTrack> tracks, List<Role> roles,
                    List<CompetencyFramework> frameworks, List<RoleBlueprint> blueprints,
                    List<LearningAsset> assets, List<EvidenceRule> rules) {
        this.version = version;
        this.skills = index(skills, Skill::id);
        this.tracks = index(tracks, CareerTrack::id);
        this.roles = index(roles, Role::id);
        this.frameworks = List.copyOf(frameworks);
        this.blueprints = index(blueprints, RoleBlueprint::id);
        this.assets = index(assets, LearningAsset::id);
        this.rules = List.copyOf(rules);
        Map<String, LearningAsset> byRef = new LinkedHashMap<>();
        for (LearningAsset asset : assets) {
            for (String ref : asset.lmsRefs()) {
                byRef.putIfAbsent(ref, asset);
            }
        }
        this.assetsByLmsRef = Collections.unmodifiableMap(byRef);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        return Collections.unmodifiableMap(items.stream().collect(Collectors.toMap(
                id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
    }

    public String version() {
        return version;
    }

    public Map<String, Skill> skills() {
        return skills;
    }

    public Map<String, CareerTrack> tracks() {
        return tracks;
    }

    public Map<String, Role> roles() {
        return roles;
    }

    public List<CompetencyFramework> frameworks() {
        return frameworks;
    }

    public Map<String, RoleBlueprint> blueprints() {
        return blueprints;
    }

    public Map<String, LearningAsset> assets() {
        return assets;
    }

    public List<EvidenceRule> rules() {
        return rules;
    }

    public Optional<Skill> skill(String id) {
        return Optional.ofNullable(skills.get(id));
    }

    public Optional<Role> role(String id) {
        return Optional.ofNullable(roles.get(id));
    }

    public Optional<LearningAsset> assetByLmsRef(String lmsRef) {
        return Optional.ofNullable(assetsByLmsRef.get(lmsRef));
    }

    /** The next role up the same track, if the role is not already at the top. */
    public Optional<Role> nextLevel(String roleId) {
        Role role = roles.get(roleId);
        if (role == null) {
            return Optional.empty();
        }
        List<String> ladder = tracks.get(role.trackId()).roleIds();
        int at = ladder.indexOf(roleId);
        return at >= 0 && at + 1 < ladder.size() ? role(ladder.get(at + 1)) : Optional.empty();
    }

    /** The roles a lateral move leads to from this role. */
    public List<Role> lateralMoves(String roleId) {
        Role role = roles.get(roleId);
        if (role == null) {
            return List.of();
        }
        List<Role> targets = new ArrayList<>();
        for (CareerTrack track : tracks.values()) {
            for (LateralMove move : track.lateralMoves()) {
                if (move.fromRoleId().equals(roleId)) {
                    role(move.toRoleId()).ifPresent(targets::add);
                }
            }
        }
        return targets;
    }

    /** The blueprint for a move, if the taxonomy has one. */
    public Optional<RoleBlueprint> blueprint(String fromRoleId, String toRoleId) {
        return blueprints.values().stream()
                .filter(b -> b.toRoleId().equals(toRoleId)
                        && (fromRoleId == null || b.fromRoleId().equals(fromRoleId)))
                .findFirst();
    }
}
