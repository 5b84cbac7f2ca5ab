package dev.waypoint.xapi.statement;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IRIs already found valid. Statements repeat the same few: verbs, activity types, extension keys, the LMS's
 * home page, the course a module belongs to; checking one again took a quarter of the CPU of storing a batch.
 * Only valid IRIs are kept, up to {@link #LIMIT} of them and {@link #MAX_LENGTH} characters each; when full the
 * set starts over, so its memory stays bounded whatever clients send.
 */
final class KnownIris {

    static final int LIMIT = 20_000;
    static final int MAX_LENGTH = 512;

    private final Set<String> valid = ConcurrentHashMap.newKeySet();

    boolean contains(String iri) {
        return valid.contains(iri);
    }

    void add(String iri) {
        if (iri.length() > MAX_LENGTH) {
            return;
        }
        if (valid.size() >= LIMIT) {
            valid.clear();
        }
        valid.add(iri);
    }

    int size() {
        return valid.size();
    }
}
