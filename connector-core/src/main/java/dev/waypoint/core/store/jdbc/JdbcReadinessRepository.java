package dev.waypoint.core.store.jdbc;

import dev.waypoint.core.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.waypoint.core.readiness.Band;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.store.ReadinessRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Readiness in {@code readiness_current} (one row per person and role) and {@code readiness_history}
 * (every score that was ever current).
 *
 * <p>The breakdown and the blocking skills are stored as JSON text, written by a copy of the given
 * mapper with the Java time module and ISO timestamps, whatever the caller's mapper is configured to
 * do, so that the stored form does not change with the application's JSON settings. A content hash
 * over score, uncapped score, band, blocking skills and breakdown (not the time of computation, not the
 * taxonomy version) decides whether a save changes anything.
 */
public class JdbcReadinessRepository implements ReadinessRepository {

    private static final String COLUMNS =
            "person_id, role_id, score, uncapped, band, blocking, breakdown, as_of, taxonomy_version";
    private static final String INSERT_CURRENT = """
            INSERT INTO readiness_current (person_id, role_id, score, uncapped, band, blocking, breakdown, as_of,
                                           taxonomy_version, content_hash)
            VALUES (:personId, :roleId, :score, :uncapped, :band, :blocking, :breakdown, :asOf, :taxonomyVersion, :hash)
            ON CONFLICT DO NOTHING""";
    private static final String UPDATE_CURRENT = """
            UPDATE readiness_current SET score = :score, uncapped = :uncapped, band = :band, blocking = :blocking,
                                         breakdown = :breakdown, as_of = :asOf, taxonomy_version = :taxonomyVersion,
                                         content_hash = :hash
            WHERE person_id = :personId AND role_id = :roleId""";
    private static final String APPEND_HISTORY = """
            INSERT INTO readiness_history (person_id, role_id, score, uncapped, band, blocking, breakdown, as_of,
                                           taxonomy_version, content_hash)
            VALUES (:personId, :roleId, :score, :uncapped, :band, :blocking, :breakdown, :asOf, :taxonomyVersion, :hash)""";
    private static final TypeReference<List<Readiness.SkillScore>> BREAKDOWN = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> BLOCKING = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    public JdbcReadinessRepository(JdbcClient jdbc, PlatformTransactionManager tx, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx);
        this.json = mapper.copy()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public boolean save(Readiness readiness) {
        String blocking = toJson(readiness.blockingSkills());
        String breakdown = toJson(readiness.skills());
        String hash = Sha256.hex(readiness.score() + "|" + readiness.uncappedScore() + "|"
                + readiness.band().wireName() + "|" + blocking + "|" + breakdown);
        return Boolean.TRUE.equals(tx.execute(status -> {
            Optional<String> current = currentHash(readiness);
            if (current.isEmpty()) {
                if (run(INSERT_CURRENT, readiness, blocking, breakdown, hash) == 1) {
                    run(APPEND_HISTORY, readiness, blocking, breakdown, hash);
                    return true;
                }
                // A concurrent save of the same person and role inserted first and has committed.
                current = currentHash(readiness);
            }
            if (current.isPresent() && current.get().equals(hash)) {
                return false;
            }
            run(UPDATE_CURRENT, readiness, blocking, breakdown, hash);
            run(APPEND_HISTORY, readiness, blocking, breakdown, hash);
            return true;
        }));
    }

    /** Reads the current hash and locks the row, so two saves of one score serialise. */
    private Optional<String> currentHash(Readiness readiness) {
        return jdbc.sql("SELECT content_hash FROM readiness_current WHERE person_id = :personId AND role_id = :roleId FOR UPDATE")
                .param("personId", readiness.personId())
                .param("roleId", readiness.roleId())
                .query(String.class)
                .optional();
    }

    private int run(String sql, Readiness readiness, String blocking, String breakdown, String hash) {
        return jdbc.sql(sql)
                .param("personId", readiness.personId())
                .param("roleId", readiness.roleId())
                .param("score", readiness.score())
                .param("uncapped", readiness.uncappedScore())
                .param("band", readiness.band().wireName())
                .param("blocking", blocking)
                .param("breakdown", breakdown)
                .param("asOf", SqlTime.param(readiness.asOf()))
                .param("taxonomyVersion", readiness.taxonomyVersion())
                .param("hash", hash)
                .update();
    }

    @Override
    public Optional<Readiness> find(String personId, String roleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM readiness_current WHERE person_id = :personId AND role_id = :roleId")
                .param("personId", personId)
                .param("roleId", roleId)
                .query(this::map)
                .optional();
    }

    @Override
    public List<Readiness> forPerson(String personId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM readiness_current WHERE person_id = :personId ORDER BY role_id")
                .param("personId", personId)
                .query(this::map)
                .list();
    }

    private Readiness map(ResultSet rs, int rowNum) throws SQLException {
        String band = rs.getString("band");
        return new Readiness(rs.getString("person_id"), rs.getString("role_id"), rs.getInt("score"),
                rs.getInt("uncapped"),
                Arrays.stream(Band.values()).filter(b -> b.wireName().equals(band)).findFirst().orElseThrow(
                        () -> new IllegalStateException("unknown readiness band '" + band + "' in the database")),
                read(rs.getString("blocking"), BLOCKING), read(rs.getString("breakdown"), BREAKDOWN),
                SqlTime.read(rs, "as_of"), rs.getString("taxonomy_version"));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("readiness could not be written as JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored readiness JSON could not be read", e);
        }
    }
}
