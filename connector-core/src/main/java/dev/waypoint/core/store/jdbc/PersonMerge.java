package dev.waypoint.core.store.jdbc;

import dev.waypoint.core.identity.IdentityKind;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Merges people found to be the same person into the one holding the strongest identity (ties: the
 * oldest, then the lowest id, so every node picks the same one). Identities, evidence, target roles and
 * readiness history move to the survivor; the merged people's current readiness is dropped because it
 * was computed from only part of the evidence and is recomputed for the survivor. Callers supply the
 * transaction.
 */
final class PersonMerge {

    private final JdbcClient jdbc;
    private final PersonRows rows;

    PersonMerge(JdbcClient jdbc, PersonRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    /** The survivor, or empty when one of the people has gone meanwhile (merged by someone else). */
    Optional<String> mergeIntoStrongest(List<String> personIds) {
        // Locking in id order keeps two merges of overlapping people from deadlocking.
        List<String> ordered = personIds.stream().distinct().sorted().toList();
        for (String id : ordered) {
            if (rows.lock(id).isEmpty()) {
                return Optional.empty();
            }
        }
        List<Candidate> candidates = candidates(ordered);
        Candidate survivor = candidates.stream()
                .min(Comparator.comparingInt((Candidate c) -> -c.strength())
                        .thenComparing(Candidate::createdAt)
                        .thenComparing(Candidate::id))
                .orElseThrow();
        List<String> merged = ordered.stream().filter(id -> !id.equals(survivor.id())).toList();
        move(survivor.id(), merged);
        return Optional.of(survivor.id());
    }

    private void move(String survivor, List<String> merged) {
        carryOverProfile(survivor, merged);
        for (String table : List.of("person_identity", "evidence", "readiness_history", "lti_session")) {
            jdbc.sql("UPDATE " + table + " SET person_id = :survivor WHERE person_id IN (:merged)")
                    .param("survivor", survivor)
                    .param("merged", merged)
                    .update();
        }
        // Where the LMS sends this person's scores (one link per course), and what HR last received (one row
        // per skill): the survivor keeps its own and takes the merged people's where it has none, so scores
        // keep their destination and the next HR sync diffs against what HR really holds.
        moveWhereSurvivorHasNone("lti_ags_link", List.of("registration_id", "context_id"), survivor, merged);
        moveWhereSurvivorHasNone("hr_sync_sent_skill", List.of("tenant_id", "skill_id"), survivor, merged);
        for (String table : List.of("readiness_current", "person_target_role", "lti_ags_link", "hr_sync_sent_skill")) {
            jdbc.sql("DELETE FROM " + table + " WHERE person_id IN (:merged)")
                    .param("merged", merged)
                    .update();
        }
        jdbc.sql("DELETE FROM person WHERE id IN (:merged)").param("merged", merged).update();
    }

    /** Moves the merged people's rows of a table keyed by (key columns, person) unless the survivor has that key. */
    private void moveWhereSurvivorHasNone(String table, List<String> keyColumns, String survivor, List<String> merged) {
        String sameKey = keyColumns.stream().map(c -> "s." + c + " = " + table + "." + c)
                .collect(Collectors.joining(" AND "));
        jdbc.sql("UPDATE " + table + " SET person_id = :survivor WHERE person_id IN (:merged) AND NOT EXISTS ("
                        + "SELECT 1 FROM " + table + " s WHERE " + sameKey + " AND s.person_id = :survivor)")
                .param("survivor", survivor)
                .param("merged", merged)
                .update();
    }

    /** The survivor keeps what it knows and takes from the others only what it lacks. */
    private void carryOverProfile(String survivor, List<String> merged) {
        List<String> all = new ArrayList<>();
        all.add(survivor);
        all.addAll(merged);
        Map<String, List<String>> targets = rows.targetRoles(all);
        List<String> union = new ArrayList<>();
        for (String id : all) {
            union.addAll(targets.getOrDefault(id, List.of()));
        }
        rows.replaceTargetRoles(survivor, union);
        for (String column : List.of("display_name", "current_role_id")) {
            jdbc.sql("UPDATE person SET " + column + " = (SELECT m." + column + " FROM person m WHERE m.id IN (:merged) "
                            + "AND m." + column + " IS NOT NULL ORDER BY m.created_at, m.id LIMIT 1) "
                            + "WHERE id = :survivor AND " + column + " IS NULL")
                    .param("merged", merged)
                    .param("survivor", survivor)
                    .update();
        }
    }

    private List<Candidate> candidates(List<String> ids) {
        List<Candidate> people = jdbc.sql("SELECT id, created_at FROM person WHERE id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> new Candidate(rs.getString("id"), SqlTime.read(rs, "created_at"), 0))
                .list();
        Map<String, Integer> strength = new HashMap<>();
        jdbc.sql("SELECT person_id, kind FROM person_identity WHERE person_id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    int s = IdentityKind.fromWireName(rs.getString("kind")).map(IdentityKind::strength).orElse(0);
                    strength.merge(rs.getString("person_id"), s, Math::max);
                });
        return people.stream()
                .map(c -> new Candidate(c.id(), c.createdAt(), strength.getOrDefault(c.id(), 0)))
                .toList();
    }

    private record Candidate(String id, Instant createdAt, int strength) {
    }
}
