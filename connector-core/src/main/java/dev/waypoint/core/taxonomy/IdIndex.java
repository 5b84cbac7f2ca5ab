package dev.waypoint.core.taxonomy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every id a taxonomy file defines and every place it refers to one. Readers fill it while walking the
 * file; the checks run once everything is read, because a reference may come before its definition
 * (a role can require a skill defined further down).
 */
final class IdIndex {

    /** The things a taxonomy names by id, in the words used in problem messages. */
    enum Kind {
        SKILL("skill"),
        TRACK("career track"),
        ROLE("role"),
        FRAMEWORK("competency framework"),
        BLUEPRINT("blueprint"),
        ASSET("learning asset"),
        RULE("evidence rule");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }

    record Definition(Kind kind, String id, Place place) {
    }

    record Reference(Kind kind, String id, Place place) {
    }

    private final Map<Kind, Map<String, Definition>> defined = new EnumMap<>(Kind.class);
    private final List<Definition> duplicates = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();

    IdIndex() {
        for (Kind kind : Kind.values()) {
            defined.put(kind, new LinkedHashMap<>());
        }
    }

    void define(Kind kind, String id, Place place) {
        Definition definition = new Definition(kind, id, place);
        if (defined.get(kind).putIfAbsent(id, definition) != null) {
            duplicates.add(definition);
        }
    }

    void refer(Kind kind, String id, Place place) {
        references.add(new Reference(kind, id, place));
    }

    boolean isDefined(Kind kind, String id) {
        return defined.get(kind).containsKey(id);
    }

    /** The first definition of an id; later ones are duplicates. */
    Definition definition(Kind kind, String id) {
        return defined.get(kind).get(id);
    }

    List<String> ids(Kind kind) {
        return List.copyOf(defined.get(kind).keySet());
    }

    List<Definition> duplicates() {
        return List.copyOf(duplicates);
    }

    List<Reference> references() {
        return List.copyOf(references);
    }
}
