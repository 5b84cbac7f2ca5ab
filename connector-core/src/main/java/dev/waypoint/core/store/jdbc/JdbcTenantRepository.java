package dev.waypoint.core.store.jdbc;

import dev.waypoint.core.store.TenantRepository;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Tenants in the {@code tenant} table. The default tenant is seeded by the first migration. */
public class JdbcTenantRepository implements TenantRepository {

    private static final RowMapper<Tenant> TENANT = (rs, n) ->
            new Tenant(rs.getString("id"), rs.getString("name"), SqlTime.read(rs, "created_at"));

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public JdbcTenantRepository(JdbcClient jdbc, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx);
    }

    @Override
    public Optional<Tenant> find(String id) {
        return jdbc.sql("SELECT id, name, created_at FROM tenant WHERE id = :id")
                .param("id", id)
                .query(TENANT)
                .optional();
    }

    @Override
    public List<Tenant> list() {
        return jdbc.sql("SELECT id, name, created_at FROM tenant ORDER BY created_at, id")
                .query(TENANT)
                .list();
    }

    /** Safe when two nodes ensure the same tenant at once: the loser's insert is simply dropped. */
    @Override
    public Tenant ensure(String id, String name) {
        Objects.requireNonNull(id, "id");
        return tx.execute(status -> {
            jdbc.sql("INSERT INTO tenant (id, name, created_at) VALUES (:id, :name, :createdAt) ON CONFLICT DO NOTHING")
                    .param("id", id)
                    .param("name", name == null ? id : name)
                    .param("createdAt", SqlTime.param(SqlTime.now()))
                    .update();
            return find(id).orElseThrow();
        });
    }
}
