package dev.waypoint.core.store.jdbc;

import dev.waypoint.core.identity.Person;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code person} and {@code person_target_role} rows behind {@link Person}, for the person
 * repository and the merge. Callers supply the transaction.
 */
final class PersonRows {

    private static final String COLUMNS = "id, tenant_id, display_name, current_role_id, weekly_hours, created_at";

    private final JdbcClient jdbc;

    PersonRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String insert(String tenantId, String displayName) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO person (id, tenant_id, display_name, current_role_id, weekly_hours, created_at)
                        VALUES (:id, :tenantId, :displayName, NULL, :weeklyHours, :createdAt)""")
                .param("id", id)
                .param("tenantId", tenantId)
                .param("displayName", displayName)
                .param("weeklyHours", Person.DEFAULT_WEEKLY_HOURS)
                .param("createdAt", SqlTime.param(SqlTime.now()))
                .update();
        return id;
    }

    /** Locks the person's row for the rest of the transaction; empty if the person no longer exists. */
    Optional<String> lock(String personId) {
        return jdbc.sql("SELECT id FROM person WHERE id = :id FOR UPDATE")
                .param("id", personId)
                .query(String.class)
                .optional();
    }

    Optional<Person> find(String tenantId, String personId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE id = :id AND tenant_id = :tenantId")
                .param("id", personId)
                .param("tenantId", tenantId)
                .query(PersonRows::mapWithoutTargets)
                .optional()
                .map(p -> withTargets(p, targetRoles(List.of(p.id())).getOrDefault(p.id(), List.of())));
    }

    List<Person> list(String tenantId, int offset, int limit) {
        List<Person> people = jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE tenant_id = :tenantId "
                        + "ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("tenantId", tenantId)
                .param("limit", limit)
                .param("offset", offset)
                .query(PersonRows::mapWithoutTargets)
                .list();
        if (people.isEmpty()) {
            return people;
        }
        Map<String, List<String>> targets = targetRoles(people.stream().map(Person::id).toList());
        return people.stream().map(p -> withTargets(p, targets.getOrDefault(p.id(), List.of()))).toList();
    }

    /** False when there is no such person in that tenant. */
    boolean update(Person person) {
        int updated = jdbc.sql("""
                        UPDATE person SET display_name = :displayName, current_role_id = :currentRoleId,
                                          weekly_hours = :weeklyHours
                        WHERE id = :id AND tenant_id = :tenantId""")
                .param("displayName", person.displayName())
                .param("currentRoleId", person.currentRoleId())
                .param("weeklyHours", person.weeklyLearningHours())
                .param("id", person.id())
                .param("tenantId", person.tenantId())
                .update();
        if (updated == 0) {
            return false;
        }
        replaceTargetRoles(person.id(), person.targetRoleIds());
        return true;
    }

    void replaceTargetRoles(String personId, List<String> roleIds) {
        jdbc.sql("DELETE FROM person_target_role WHERE person_id = :id").param("id", personId).update();
        int seq = 0;
        for (String roleId : new LinkedHashSet<>(roleIds)) {
            jdbc.sql("INSERT INTO person_target_role (person_id, role_id, seq) VALUES (:id, :roleId, :seq)")
                    .param("id", personId)
                    .param("roleId", roleId)
                    .param("seq", seq++)
                    .update();
        }
    }

    void fillDisplayName(String personId, String displayName) {
        jdbc.sql("UPDATE person SET display_name = :displayName WHERE id = :id AND display_name IS NULL")
                .param("displayName", displayName)
                .param("id", personId)
                .update();
    }

    /** Removes a person this resolution created but that ended up holding no identity. */
    void deleteIfOrphan(String personId) {
        jdbc.sql("DELETE FROM person WHERE id = :id AND NOT EXISTS (SELECT 1 FROM person_identity i WHERE i.person_id = :id)")
                .param("id", personId)
                .update();
    }

    Map<String, List<String>> targetRoles(List<String> personIds) {
        Map<String, List<String>> targets = new HashMap<>();
        jdbc.sql("SELECT person_id, role_id FROM person_target_role WHERE person_id IN (:ids) ORDER BY person_id, seq")
                .param("ids", personIds)
                .query(rs -> {
                    targets.computeIfAbsent(rs.getString("person_id"), p -> new ArrayList<>()).add(rs.getString("role_id"));
                });
        return targets;
    }

    private static Person mapWithoutTargets(ResultSet rs, int rowNum) throws SQLException {
        return new Person(rs.getString("id"), rs.getString("tenant_id"), rs.getString("display_name"),
                rs.getString("current_role_id"), List.of(), rs.getDouble("weekly_hours"), SqlTime.read(rs, "created_at"));
    }

    private static Person withTargets(Person p, List<String> targets) {
        return new Person(p.id(), p.tenantId(), p.displayName(), p.currentRoleId(), targets,
                p.weeklyLearningHours(), p.createdAt());
    }
}
