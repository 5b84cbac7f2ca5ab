package dev.waypoint.app.canvas;

import dev.waypoint.app.api.ApiException;
import dev.waypoint.canvas.CanvasLiveEventIntake;
import dev.waypoint.canvas.CanvasLiveEventRejected;
import dev.waypoint.core.store.TenantRepository;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /canvas/live-events}: Canvas Live Events over HTTPS (Canvas Data Services subscription).
 * How the sender is authenticated depends on the tenant (docs/canvas.md):
 * <ul>
 *   <li>signing on ({@code live-events-jwks-url} set): the body must be a JWT signed with a key of Canvas's JWKS;
 *       an unsigned body is refused;</li>
 *   <li>signing off: the tenant's shared secret in the {@code X-Canvas-Live-Events-Secret} header or the
 *       {@code secret} query parameter (Canvas subscriptions can only set a URL);</li>
 *   <li>neither configured: the endpoint refuses the tenant's events.</li>
 * </ul>
 * Evidence is stored before the answer goes back.
 */
@RestController
public class CanvasLiveEventsController {

    private final CanvasTenants tenants;
    private final CanvasLiveEventIntake intake;

    public CanvasLiveEventsController(CanvasTenants tenants, CanvasLiveEventIntake intake) {
        this.tenants = tenants;
        this.intake = intake;
    }

    @Operation(summary = "Receive Canvas Live Events (Canvas raw format or IMS Caliper 1.1, signed or with the tenant's secret)")
    @PostMapping("/canvas/live-events")
    public Map<String, Object> receive(@RequestParam(defaultValue = TenantRepository.DEFAULT_TENANT) String tenant,
                                       @RequestParam(required = false) String secret,
                                       @RequestHeader(name = "X-Canvas-Live-Events-Secret", required = false) String secretHeader,
                                       @RequestBody(required = false) String body) {
        CanvasTenants.Connected canvas = tenants.find(tenant).orElseThrow(() -> refused(HttpStatus.FORBIDDEN,
                "tenant", "no Canvas is configured for tenant '" + tenant + "'"));
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("body", "a Live Event is required");
        }
        try {
            String payload;
            if (canvas.signature() != null) {
                payload = canvas.signature().verifiedPayload(body);
            } else {
                requireSecret(canvas.settings().liveEventsSecret(), secretHeader != null ? secretHeader : secret);
                payload = body;
            }
            List<CanvasLiveEventIntake.Result> results = intake.take(tenant, payload);
            return Map.of("events", results);
        } catch (CanvasLiveEventRejected e) {
            if (e.field().equals("signature")) {
                throw refused(HttpStatus.UNAUTHORIZED, e.field(), e.getMessage());
            }
            throw ApiException.badRequest(e.field(), e.getMessage());
        }
    }

    private static void requireSecret(String expected, String given) {
        if (expected == null || expected.isBlank()) {
            throw refused(HttpStatus.FORBIDDEN, "tenant", "Live Events are not enabled for this tenant: set live-events-jwks-url or live-events-secret");
        }
        if (given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw refused(HttpStatus.UNAUTHORIZED, "secret", "the Live Events secret is missing or wrong");
        }
    }

    private static ApiException refused(HttpStatus status, String field, String reason) {
        return new ApiException(status, status == HttpStatus.UNAUTHORIZED ? "Unauthorized" : "Forbidden", field + ": " + reason,
                List.of(new dev.waypoint.app.api.FieldProblem(field, reason)), Map.of());
    }
}
