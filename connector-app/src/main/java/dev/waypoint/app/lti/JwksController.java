package dev.waypoint.app.lti;

import dev.waypoint.core.lti.ToolKeyRing;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;

/** {@code GET /.well-known/jwks.json}: the tool's public keys (LTI Security Framework 1.0 §6.3). */
@RestController
public class JwksController {

    private final ToolKeyRing keys;

    public JwksController(ToolKeyRing keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> jwks() {
        // Short cache: a rotated key must reach platforms well before the retired one leaves the set.
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.publicKeys().toJSONObject(true));
    }
}
