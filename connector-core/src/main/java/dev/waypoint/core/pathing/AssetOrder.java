package dev.waypoint.core.pathing;

import dev.waypoint.core.taxonomy.LearningAsset;
import dev.waypoint.core.taxonomy.Milestone;
import dev.waypoint.core.taxonomy.RoleBlueprint;
import dev.waypoint.core.taxonomy.SkillGrant;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which a person takes the chosen assets: prerequisites first; among the assets free to
 * go next, the one the blueprint asks for earliest (the first milestone that lists it or covers one of
 * its skills), then the shorter, then by id so that the same input always gives the same path.
 */
final class AssetOrder {

    private AssetOrder() {
    }

    static List<LearningAsset> of(Collection<LearningAsset> chosen, RoleBlueprint blueprint) {
        Map<String, LearningAsset> byId = new HashMap<>(chosen.size() * 2);
        Graph<String, DefaultEdge> graph = new SimpleDirectedGraph<>(DefaultEdge.class);
        for (LearningAsset asset : chosen) {
            byId.put(asset.id(), asset);
            graph.addVertex(asset.id());
        }
        for (LearningAsset asset : chosen) {
            for (String prerequisite : asset.prerequisiteIds()) {
                if (byId.containsKey(prerequisite)) {
                    graph.addEdge(prerequisite, asset.id());
                }
            }
        }
        Map<String, Integer> rank = milestoneRank(chosen, blueprint);
        Comparator<String> next = Comparator.<String>comparingInt(rank::get)
                .thenComparingDouble(id -> byId.get(id).hours())
                .thenComparing(Comparator.naturalOrder());
        List<LearningAsset> ordered = new ArrayList<>(chosen.size());
        new TopologicalOrderIterator<>(graph, next).forEachRemaining(id -> ordered.add(byId.get(id)));
        return ordered;
    }

    /** The index of the first milestone that serves each asset; past the last milestone when none does. */
    private static Map<String, Integer> milestoneRank(Collection<LearningAsset> chosen, RoleBlueprint blueprint) {
        List<Milestone> milestones = blueprint == null ? List.of() : blueprint.milestones();
        Map<String, Integer> rank = new HashMap<>(chosen.size() * 2);
        for (LearningAsset asset : chosen) {
            int first = milestones.size();
            for (int i = 0; i < milestones.size() && first == milestones.size(); i++) {
                if (serves(milestones.get(i), asset)) {
                    first = i;
                }
            }
            rank.put(asset.id(), first);
        }
        return rank;
    }

    private static boolean serves(Milestone milestone, LearningAsset asset) {
        if (milestone.assetIds().contains(asset.id())) {
            return true;
        }
        for (SkillGrant grant : asset.teaches()) {
            if (milestone.skillIds().contains(grant.skillId())) {
                return true;
            }
        }
        return false;
    }
}
