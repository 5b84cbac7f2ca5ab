package dev.waypoint.core.store.jdbc;

import dev.waypoint.core.store.TaxonomyRepository;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Taxonomy versions in {@code taxonomy_version}. A version name is stored once: loading the same
 * version again with the same checksum re-activates it, with a different checksum it is refused,
 * because two different taxonomies under one name would make old scores unexplainable.
 * {@link #versions()} lists the newest first.
 */
public class JdbcTaxonomyRepository implements TaxonomyRepository {

    private static final String COLUMNS = "id, version, format, source, checksum, loaded_at, active";

    private static final RowMapper<StoredTaxonomy> STORED = (rs, n) -> new StoredTaxonomy(
            rs.getLong("id"), rs.getString("version"), rs.getString("format"), rs.getString("source"),
            rs.getString("checksum"), SqlTime.read(rs, "loaded_at"), rs.getBoolean("active"));

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public JdbcTaxonomyRepository(JdbcClient jdbc, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx);
    }

    @Override
    public StoredTaxonomy saveAndActivate(String version, String format, String source, String checksum) {
        return tx.execute(status -> {
            Optional<StoredTaxonomy> existing = jdbc.sql("SELECT " + COLUMNS + " FROM taxonomy_version WHERE version = :version")
                    .param("version", version)
                    .query(STORED)
                    .optional();
            long id;
            if (existing.isPresent()) {
                if (!existing.get().checksum().equals(checksum)) {
                    throw new IllegalArgumentException("taxonomy version '" + version
                            + "' is already stored with different content; give the new content a new version");
                }
                id = existing.get().id();
            } else {
                id = insert(version, format, source, checksum, SqlTime.now());
            }
            // One statement flips every row, so no reader ever sees two active versions or none.
            jdbc.sql("UPDATE taxonomy_version SET active = (id = :id) WHERE active OR id = :id")
                    .param("id", id)
                    .update();
            return byId(id);
        });
    }

    private long insert(String version, String format, String source, String checksum, Instant loadedAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO taxonomy_version (version, format, source, checksum, loaded_at, active)
                        VALUES (:version, :format, :source, :checksum, :loadedAt, FALSE)""")
                .param("version", version)
                .param("format", format)
                .param("source", source)
                .param("checksum", checksum)
                .param("loadedAt", SqlTime.param(loadedAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private StoredTaxonomy byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM taxonomy_version WHERE id = :id")
                .param("id", id)
                .query(STORED)
                .single();
    }

    /** Should two activations ever race, the latest loaded active version wins. */
    @Override
    public Optional<StoredTaxonomy> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM taxonomy_version WHERE active ORDER BY loaded_at DESC, id DESC LIMIT 1")
                .query(STORED)
                .optional();
    }

    @Override
    public List<StoredTaxonomy> versions() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM taxonomy_version ORDER BY loaded_at DESC, id DESC")
                .query(STORED)
                .list();
    }
}
