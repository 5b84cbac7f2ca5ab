package dev.waypoint.app.canvas;

import dev.waypoint.app.api.ApiException;
import dev.waypoint.app.api.FieldProblem;
import dev.waypoint.canvas.CanvasSyncReport;
import dev.waypoint.core.store.TenantRepository;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Runs a Canvas sync on demand (the admin token guards {@code /api/**}). */
@RestController
@RequestMapping("/api/v1/canvas")
public class CanvasSyncController {

    private final CanvasTenants tenants;
    private final CanvasSyncJob job;

    public CanvasSyncController(CanvasTenants tenants, CanvasSyncJob job) {
        this.tenants = tenants;
        this.job = job;
    }

    @Operation(summary = "Read this tenant's Canvas courses now and report what was found; 409 while another sync of the tenant runs")
    @PostMapping("/sync")
    public CanvasSyncReport sync(@RequestParam(defaultValue = TenantRepository.DEFAULT_TENANT) String tenant) {
        if (tenants.configuration(tenant).isEmpty()) {
            throw ApiException.badRequest("tenant", "no Canvas is configured for tenant '" + tenant + "'");
        }
        CanvasSyncJob.Outcome outcome = job.run(tenant, "on_demand");
        if (outcome.result() == CanvasSyncJob.Result.LOCKED) {
            throw new ApiException(HttpStatus.CONFLICT, "Canvas sync running", "tenant: a sync of tenant '" + tenant
                    + "' is already running", List.of(new FieldProblem("tenant", "a sync of this tenant is already running")), Map.of());
        }
        return outcome.report();
    }
}
