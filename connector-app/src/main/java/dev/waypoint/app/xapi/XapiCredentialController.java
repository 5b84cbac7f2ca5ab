package dev.waypoint.app.xapi;

import dev.waypoint.app.api.ApiException;
import dev.waypoint.core.engine.NotFoundException;
import dev.waypoint.core.store.TenantRepository;
import dev.waypoint.xapi.store.JdbcXapiCredentials;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/**
 * The admin API for xAPI credentials ({@code /api/v1/xapi/credentials}, behind the admin token): create one
 * per LRS client and tenant (the secret is in the answer once and never again), list them without secrets,
 * revoke one.
 */
@RestController
@RequestMapping("/api/v1/xapi/credentials")
class XapiCredentialController {

    private final JdbcXapiCredentials credentials;
    private final TenantRepository tenants;
    private final Clock clock;

    XapiCredentialController(JdbcXapiCredentials credentials, TenantRepository tenants, Clock clock) {
        this.credentials = credentials;
        this.tenants = tenants;
        this.clock = clock;
    }

    record CreateRequest(String tenant, String label) {
    }

    @PostMapping
    ResponseEntity<JdbcXapiCredentials.Issued> create(@RequestBody CreateRequest request) {
        String tenant = request.tenant() == null || request.tenant().isBlank() ? TenantRepository.DEFAULT_TENANT : request.tenant();
        if (tenants.find(tenant).isEmpty()) {
            throw ApiException.invalid("tenant", "no tenant '" + tenant + "'");
        }
        if (request.label() == null || request.label().isBlank() || request.label().length() > 200) {
            throw ApiException.invalid("label", "name the client this credential is for (1–200 characters)");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(credentials.issue(tenant, request.label().trim(), clock.instant()));
    }

    @GetMapping
    List<JdbcXapiCredentials.Credential> list() {
        return credentials.list();
    }

    @DeleteMapping("/{key}")
    ResponseEntity<Void> revoke(@PathVariable String key) {
        if (!credentials.revoke(key)) {
            throw new NotFoundException("xAPI credential", key);
        }
        return ResponseEntity.noContent().build();
    }
}
