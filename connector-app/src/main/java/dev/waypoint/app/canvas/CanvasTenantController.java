package dev.waypoint.app.canvas;

import dev.waypoint.app.api.ApiException;
import dev.waypoint.app.api.FieldProblem;
import dev.waypoint.core.store.TenantRepository;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Each tenant's Canvas configuration, for the admin console (the admin token guards {@code /api/**}):
 * {@code PUT} stores it (validated, secrets kept and never shown again), {@code GET} shows it with the
 * tenant's last sync.
 */
@RestController
@RequestMapping("/api/v1/canvas/tenants")
public class CanvasTenantController {

    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final CanvasTenants tenants;
    private final JdbcCanvasTenantConfigs stored;
    private final JdbcCanvasSyncRuns runs;
    private final TenantRepository tenantRepository;
    private final Clock clock;

    public CanvasTenantController(CanvasTenants tenants, JdbcCanvasTenantConfigs stored, JdbcCanvasSyncRuns runs,
                                  TenantRepository tenantRepository, Clock clock) {
        this.tenants = tenants;
        this.stored = stored;
        this.runs = runs;
        this.tenantRepository = tenantRepository;
        this.clock = clock;
    }

    @Operation(summary = "Every tenant's Canvas configuration (secrets shown only as set or not) with its last sync")
    @GetMapping
    public Map<String, List<CanvasTenantView>> list() {
        return Map.of("tenants", tenants.tenantIds().stream().map(this::view).toList());
    }

    @Operation(summary = "One tenant's Canvas configuration (secrets shown only as set or not) with its last sync")
    @GetMapping("/{tenant}")
    public CanvasTenantView get(@PathVariable String tenant) {
        if (tenants.configuration(tenant).isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Not found", "tenant: no Canvas is configured for tenant '" + tenant + "'",
                    List.of(new FieldProblem("tenant", "no Canvas is configured for tenant '" + tenant + "'")), Map.of());
        }
        return view(tenant);
    }

    @Operation(summary = "Set a tenant's Canvas: base URL, access token or developer key, courses, schedule, write-back, "
            + "Live Events keys. Secrets left out keep their stored value; \"\" removes one. Takes effect at once.")
    @PutMapping("/{tenant}")
    public CanvasTenantView put(@PathVariable String tenant, @RequestBody(required = false) CanvasTenantRequest body) {
        if (!TENANT_ID.matcher(tenant).matches()) {
            throw ApiException.badRequest("tenant", "must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (body == null) {
            throw ApiException.badRequest("body", "a Canvas configuration is required");
        }
        // only secrets already stored here are kept: one from the environment is not copied into the database
        CanvasSettings.Tenant before = stored.find(tenant).map(JdbcCanvasTenantConfigs.Stored::tenant).orElse(null);
        CanvasTenantRequest.Checked checked = body.apply(before);
        if (!checked.problems().isEmpty()) {
            throw ApiException.invalid(checked.problems());
        }
        tenantRepository.ensure(tenant, tenant);
        stored.save(tenant, checked.tenant(), clock.instant());
        return view(tenant);
    }

    private CanvasTenantView view(String tenant) {
        CanvasTenants.Configured configured = tenants.configuration(tenant).orElseThrow();
        return CanvasTenantView.of(tenant, configured, tenants.syncCron(configured.tenant()), runs.last(tenant).orElse(null));
    }
}
