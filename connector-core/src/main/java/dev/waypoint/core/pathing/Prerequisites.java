package dev.waypoint.core.pathing;

import dev.waypoint.core.taxonomy.LearningAsset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The prerequisites a person still has to take before an asset, followed transitively. The walk stops
 * at assets the person has completed: what came before those is behind them already. Answers are
 * remembered, since the planner asks about the same assets again and again.
 */
final class Prerequisites {

    private final Map<String, LearningAsset> assets;
    private final Set<String> completed;
    private final Map<String, List<LearningAsset>> missing = new HashMap<>();
    private final Set<String> walking = new HashSet<>();

    Prerequisites(Map<String, LearningAsset> assets, Set<String> completed) {
        this.assets = assets;
        this.completed = completed;
    }

    /** Every prerequisite of the asset not yet completed, each once, prerequisites before what needs them. */
    List<LearningAsset> missingBefore(LearningAsset asset) {
        List<LearningAsset> known = missing.get(asset.id());
        if (known != null) {
            return known;
        }
        if (!walking.add(asset.id())) {
            throw new IllegalArgumentException("learning asset " + asset.id() + " is its own prerequisite");
        }
        LinkedHashSet<LearningAsset> before = new LinkedHashSet<>();
        for (String id : asset.prerequisiteIds()) {
            if (completed.contains(id)) {
                continue;
            }
            LearningAsset prerequisite = assets.get(id);
            if (prerequisite == null) {
                throw new IllegalArgumentException("learning asset " + asset.id()
                        + " needs unknown asset " + id);
            }
            before.addAll(missingBefore(prerequisite));
            before.add(prerequisite);
        }
        walking.remove(asset.id());
        List<LearningAsset> result = List.copyOf(new ArrayList<>(before));
        missing.put(asset.id(), result);
        return result;
    }
}
