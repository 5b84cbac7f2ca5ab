package dev.waypoint.core.taxonomy;

import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the items of a CASE package into Waypoint skills, following the CASE 1.1 association types:
 * {@code A hasSkillLevel B} makes item B one level of competency A (its text becomes the description of
 * that level); {@code B precedes C} among the levels of one competency orders them; every other item is
 * a skill, whose family is the top of its {@code isChildOf} chain. Other association types (exact
 * matches, related items, extensions) carry nothing Waypoint uses and are left out.
 */
final class CaseSkillMapping {

    static final String CHILD_OF = "isChildOf";
    static final String PRECEDES = "precedes";
    static final String HAS_SKILL_LEVEL = "hasSkillLevel";

    private final Problems problems;

    CaseSkillMapping(Problems problems) {
        this.problems = problems;
    }

    List<Skill> skills(CasePackage casePackage) {
        Map<String, CasePackage.Item> items = index(casePackage.items());
        Map<String, List<CasePackage.Association>> levelLinks = new LinkedHashMap<>();
        for (CasePackage.Association link : ofType(casePackage, HAS_SKILL_LEVEL)) {
            boolean originKnown = known(link, link.originId(), "originNodeURI", items);
            boolean destinationKnown = known(link, link.destinationId(), "destinationNodeURI", items);
            if (originKnown && destinationKnown) {
                levelLinks.computeIfAbsent(link.originId(), origin -> new ArrayList<>()).add(link);
            }
        }
        Set<String> levelItems = new HashSet<>();
        levelLinks.values().forEach(links -> links.forEach(link -> levelItems.add(link.destinationId())));
        List<CasePackage.Item> skillItems = casePackage.items().stream()
                .filter(item -> items.get(item.identifier()) == item && !levelItems.contains(item.identifier()))
                .toList();

        Map<String, String> skillIds = skillIds(skillItems);
        Map<String, String> families = families(casePackage, items, skillIds.keySet());
        Graph<String, DefaultEdge> levelOrder = levelOrder(casePackage, levelItems);
        List<Skill> skills = new ArrayList<>();
        for (CasePackage.Item item : skillItems) {
            String id = skillIds.get(item.identifier());
            Map<Integer, String> levels = levels(item, levelLinks.getOrDefault(item.identifier(), List.of()),
                    items, levelOrder);
            String family = skillIds.getOrDefault(families.get(item.identifier()), id);
            skills.add(new Skill(id, item.name(), family, false, null, levels));
        }
        return skills;
    }

    private Map<String, CasePackage.Item> index(List<CasePackage.Item> items) {
        Map<String, CasePackage.Item> byId = new LinkedHashMap<>();
        for (CasePackage.Item item : items) {
            CasePackage.Item first = byId.putIfAbsent(item.identifier(), item);
            if (first != null) {
                problems.add(Place.nowhere(item.path() + ".identifier"), "duplicate CFItem identifier '"
                        + item.identifier() + "' (first at " + first.path() + ")");
            }
        }
        return byId;
    }

    /**
     * Skill ids are the items' human coding schemes ("DA-SQL") where every item has its own, since admins
     * read and write them; otherwise the CASE identifier, which is always unique.
     */
    private static Map<String, String> skillIds(List<CasePackage.Item> skillItems) {
        Map<String, Integer> codeUses = new HashMap<>();
        skillItems.forEach(item -> {
            if (item.humanCodingScheme() != null) {
                codeUses.merge(item.humanCodingScheme(), 1, Integer::sum);
            }
        });
        Map<String, String> ids = new LinkedHashMap<>();
        for (CasePackage.Item item : skillItems) {
            String code = item.humanCodingScheme();
            ids.put(item.identifier(), code != null && codeUses.get(code) == 1 ? code : item.identifier());
        }
        return ids;
    }

    /** For each skill item, the identifier of the top of its isChildOf chain (itself when it has no parent). */
    private Map<String, String> families(CasePackage casePackage, Map<String, CasePackage.Item> items,
                                         Set<String> skillItems) {
        Graph<String, DefaultEdge> tree = new DefaultDirectedGraph<>(DefaultEdge.class);
        skillItems.forEach(tree::addVertex);
        Map<String, String> firstParent = new HashMap<>();
        for (CasePackage.Association link : ofType(casePackage, CHILD_OF)) {
            boolean toDocument = link.destinationId().equals(casePackage.documentId());
            boolean originKnown = known(link, link.originId(), "originNodeURI", items);
            boolean destinationKnown = toDocument || known(link, link.destinationId(), "destinationNodeURI", items);
            if (!originKnown || !destinationKnown) {
                continue;
            }
            // Levels may sit under their competency in the tree; they are not skills and have no family.
            if (!toDocument && skillItems.contains(link.originId()) && skillItems.contains(link.destinationId())) {
                tree.addEdge(link.originId(), link.destinationId());
                // CASE lets an item sit under several parents; the first one written decides its family.
                firstParent.putIfAbsent(link.originId(), link.destinationId());
            }
        }
        if (new CycleDetector<>(tree).detectCycles()) {
            Set<String> inCycles = new CycleDetector<>(tree).findCycles();
            problems.add(Place.nowhere("CFAssociations"), "isChildOf associations go round in a circle through "
                    + String.join(", ", inCycles.stream().map(id -> "'" + id + "'").toList())
                    + "; an item cannot be its own ancestor");
            return Map.of();
        }
        Map<String, String> families = new HashMap<>();
        for (String item : skillItems) {
            String top = item;
            while (firstParent.containsKey(top)) {
                top = firstParent.get(top);
            }
            families.put(item, top);
        }
        return families;
    }

    /** Precedes edges between level items: the order of levels wherever the package gives one. */
    private static Graph<String, DefaultEdge> levelOrder(CasePackage casePackage, Set<String> levelItems) {
        Graph<String, DefaultEdge> order = new DefaultDirectedGraph<>(DefaultEdge.class);
        levelItems.forEach(order::addVertex);
        for (CasePackage.Association link : ofType(casePackage, PRECEDES)) {
            if (levelItems.contains(link.originId()) && levelItems.contains(link.destinationId())) {
                order.addEdge(link.originId(), link.destinationId());
            }
        }
        return order;
    }

    /**
     * The skill's levels, numbered from 1 in their order: precedes first, then the hasSkillLevel
     * sequence numbers, then the levels' list enumerations, then the order of the package.
     */
    private Map<Integer, String> levels(CasePackage.Item skill, List<CasePackage.Association> links,
                                        Map<String, CasePackage.Item> items, Graph<String, DefaultEdge> levelOrder) {
        Map<Integer, String> levels = new LinkedHashMap<>();
        if (links.isEmpty()) {
            return levels;
        }
        if (links.size() > Skill.MAX_LEVEL) {
            problems.add(Place.nowhere(skill.path()), "'" + skill.name() + "' has " + links.size()
                    + " skill levels; Waypoint uses levels " + Skill.MIN_LEVEL + " to " + Skill.MAX_LEVEL);
            return levels;
        }
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < links.size(); i++) {
            rank.put(links.get(i).destinationId(), i);
        }
        Comparator<String> tieBreak = Comparator
                .comparing((String level) -> sequenceOf(level, links), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(level -> enumerationOf(items.get(level)), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(rank::get);
        Graph<String, DefaultEdge> ownLevels = new AsSubgraph<>(levelOrder, new LinkedHashSet<>(rank.keySet()));
        if (new CycleDetector<>(ownLevels).detectCycles()) {
            problems.add(Place.nowhere(skill.path()), "the levels of '" + skill.name()
                    + "' precede each other in a circle; their order cannot be told");
            return levels;
        }
        TopologicalOrderIterator<String, DefaultEdge> ordered = new TopologicalOrderIterator<>(ownLevels, tieBreak);
        int level = Skill.MIN_LEVEL;
        while (ordered.hasNext()) {
            CasePackage.Item item = items.get(ordered.next());
            String text = item.abbreviatedStatement() == null ? item.fullStatement()
                    : item.abbreviatedStatement() + ": " + item.fullStatement();
            levels.put(level++, text);
        }
        return levels;
    }

    private static Integer sequenceOf(String level, List<CasePackage.Association> links) {
        return links.stream().filter(link -> link.destinationId().equals(level)).findFirst()
                .map(CasePackage.Association::sequenceNumber).orElse(null);
    }

    private static Integer enumerationOf(CasePackage.Item item) {
        try {
            return item.listEnumeration() == null ? null : Integer.valueOf(item.listEnumeration().trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private boolean known(CasePackage.Association link, String id, String end, Map<String, CasePackage.Item> items) {
        if (items.containsKey(id)) {
            return true;
        }
        problems.add(Place.nowhere(link.path() + "." + end), "the " + link.type() + " association points at '"
                + id + "', which is not an item of this package" + SimilarNames.hint(id, items.keySet()));
        return false;
    }

    private static List<CasePackage.Association> ofType(CasePackage casePackage, String type) {
        return casePackage.associations().stream().filter(link -> link.type().equals(type)).toList();
    }
}
