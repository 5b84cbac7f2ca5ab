package dev.waypoint.core.taxonomy;

import java.util.List;
import java.util.Map;

/**
 * Everything read from a taxonomy file before the cross-checks: the parts of the taxonomy as written
 * (roles with their own requirements only, frameworks not yet merged) and the places the checks need.
 */
record TaxonomyDraft(String version, List<Skill> skills, List<CareerTrack> tracks, List<Role> roles,
                     List<CompetencyFramework> frameworks, List<RoleBlueprint> blueprints,
                     List<LearningAsset> assets, List<EvidenceRule> rules,
                     Map<String, Place> prerequisitePlaces) {
}
