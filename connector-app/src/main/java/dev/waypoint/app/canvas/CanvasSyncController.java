package dev.waypoint.app.canvas;

import dev.waypoint.app.api.ApiException;
import dev.waypoint.canvas.CanvasSyncReport;
import dev.waypoint.core.store.TenantRepository;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Runs a Canvas sync on demand (the admin token guards {@code /api/**}). */
@RestController
@RequestMapping("/api/v1/canvas")
public class CanvasSyncController {

    private final CanvasTenants tenants;

    public CanvasSyncController(CanvasTenants tenants) {
        this.tenants = tenants;
    }

    @Operation(summary = "Read every course the taxonomy maps from this tenant's Canvas now, and report what was found")
    @PostMapping("/sync")
    public CanvasSyncReport sync(@RequestParam(defaultValue = TenantRepository.DEFAULT_TENANT) String tenant) {
        if (tenants.find(tenant).isEmpty()) {
            throw ApiException.badRequest("tenant", "no Canvas is configured for tenant '" + tenant + "'");
        }
        return tenants.sync(tenant);
    }
}
