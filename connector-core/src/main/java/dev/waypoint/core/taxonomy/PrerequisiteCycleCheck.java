package dev.waypoint.core.taxonomy;

import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rejects prerequisite cycles among learning assets: a learner could never start any asset on such a
 * cycle, and the path planner orders assets topologically. Each cycle is reported once, spelled out
 * ("a → b → c → a") at the prerequisites of its first asset in file order.
 */
final class PrerequisiteCycleCheck {

    private final Problems problems;

    PrerequisiteCycleCheck(Problems problems) {
        this.problems = problems;
    }

    void run(List<LearningAsset> assets, Map<String, Place> prerequisitePlaces) {
        Graph<String, DefaultEdge> graph = graph(assets);
        if (!new CycleDetector<>(graph).detectCycles()) {
            return;
        }
        List<String> fileOrder = assets.stream().map(LearningAsset::id).toList();
        // Each strongly connected part with a loop in it is one tangle to untie; name one cycle in each.
        for (Set<String> component : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            String first = fileOrder.stream().filter(component::contains).findFirst().orElseThrow();
            if (component.size() == 1 && !graph.containsEdge(first, first)) {
                continue;
            }
            List<String> cycle = shortestCycleThrough(first, graph, component);
            Place place = prerequisitePlaces.getOrDefault(first,
                    Place.nowhere(AssetSectionReader.SECTION + "[" + first + "]"));
            problems.add(place, "prerequisite cycle among learning assets: " + String.join(" → ", cycle)
                    + "; no one could ever start these assets");
        }
    }

    /** Edges run from an asset to its prerequisite, the way the file says it. */
    private static Graph<String, DefaultEdge> graph(List<LearningAsset> assets) {
        Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        assets.forEach(asset -> graph.addVertex(asset.id()));
        for (LearningAsset asset : assets) {
            for (String prerequisite : asset.prerequisiteIds()) {
                if (graph.containsVertex(prerequisite)) {
                    graph.addEdge(asset.id(), prerequisite);
                }
            }
        }
        return graph;
    }

    /** Breadth-first from the start back to itself, within its component, so the named cycle is short. */
    private static List<String> shortestCycleThrough(String start, Graph<String, DefaultEdge> graph,
                                                     Set<String> component) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.removeFirst();
            for (String next : Graphs.successorListOf(graph, at)) {
                if (next.equals(start)) {
                    return spell(start, at, cameFrom);
                }
                if (component.contains(next) && !cameFrom.containsKey(next)) {
                    cameFrom.put(next, at);
                    queue.addLast(next);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start + " in its own strong component");
    }

    private static List<String> spell(String start, String last, Map<String, String> cameFrom) {
        List<String> backwards = new ArrayList<>(List.of(start));
        for (String at = last; !at.equals(start); at = cameFrom.get(at)) {
            backwards.add(at);
        }
        backwards.add(start);
        Collections.reverse(backwards);
        return backwards;
    }
}
