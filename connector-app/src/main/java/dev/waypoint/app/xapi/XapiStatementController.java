package dev.waypoint.app.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waypoint.xapi.IntakeResult;
import dev.waypoint.xapi.StatementIntake;
import dev.waypoint.xapi.XapiProperties;
import dev.waypoint.xapi.statement.XapiVersion;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The statement resource and the about resource (xAPI 1.0.3 Communication §2.1 and §2.7, IEEE 9274.1.1
 * §5.2): the HTTP side of it — version header, content type, body size, answers — with the rules themselves
 * in {@link StatementIntake}. A good POST answers 200 with the ids in order (logstore_xapi treats anything
 * else as a failure and resends), a good PUT 204.
 */
@RestController
@RequestMapping("/xapi")
class XapiStatementController {

    private final StatementIntake intake;
    private final StatementHandOff handOff;
    private final XapiProperties properties;
    private final ObjectMapper json;

    XapiStatementController(StatementIntake intake, StatementHandOff handOff, XapiProperties properties, ObjectMapper json) {
        this.intake = intake;
        this.handOff = handOff;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping("/about")
    ResponseEntity<ObjectNode> about(HttpServletRequest request) {
        ObjectNode body = json.createObjectNode();
        body.putArray("version").add(XapiVersion.V1_0.latestPatch()).add(XapiVersion.V2_0.latestPatch());
        body.putObject("extensions");
        return ResponseEntity.ok().header(XapiVersion.HEADER, XapiErrors.answeredVersion(request))
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @PostMapping("/statements")
    ResponseEntity<?> post(HttpServletRequest request) throws IOException {
        Checked checked = check(request);
        if (checked.refusal != null) {
            return checked.refusal;
        }
        IntakeResult result = intake.post(tenant(request), authority(request), checked.version, checked.body);
        if (result instanceof IntakeResult.Accepted accepted) {
            handOff.handOff(tenant(request), accepted.newlyStored());
            return ResponseEntity.ok().header(XapiVersion.HEADER, checked.version.latestPatch())
                    .contentType(MediaType.APPLICATION_JSON).body(accepted.ids());
        }
        return refused(request, (IntakeResult.Refused) result);
    }

    @PutMapping("/statements")
    ResponseEntity<?> put(HttpServletRequest request, @RequestParam(name = "statementId", required = false) String statementId)
            throws IOException {
        Checked checked = check(request);
        if (checked.refusal != null) {
            return checked.refusal;
        }
        IntakeResult result = intake.put(tenant(request), authority(request), checked.version, statementId, checked.body);
        if (result instanceof IntakeResult.Accepted accepted) {
            handOff.handOff(tenant(request), accepted.newlyStored());
            return ResponseEntity.noContent().header(XapiVersion.HEADER, checked.version.latestPatch()).build();
        }
        return refused(request, (IntakeResult.Refused) result);
    }

    private record Checked(XapiVersion version, byte[] body, ResponseEntity<?> refusal) {
    }

    /** Communication §3.3 (version header), §2.1 (JSON only here), and our body limit; each a 4xx of its own. */
    private Checked check(HttpServletRequest request) throws IOException {
        String header = request.getHeader(XapiVersion.HEADER);
        if (header == null) {
            return refusal(request, 400, "the " + XapiVersion.HEADER + " header is required");
        }
        Optional<XapiVersion> version = XapiVersion.parse(header);
        if (version.isEmpty()) {
            return refusal(request, 400, "xAPI version '" + header + "' is not supported; use 1.0.x or 2.0.x");
        }
        String contentType = request.getContentType();
        if (contentType == null || !MediaType.APPLICATION_JSON.isCompatibleWith(parse(contentType))) {
            return refusal(request, 415, "send statements as application/json"
                    + (contentType != null && contentType.startsWith("multipart/") ? " (attachments in multipart/mixed are not accepted)" : ""));
        }
        long max = properties.maxBodyBytes();
        if (request.getContentLengthLong() > max) {
            return refusal(request, 413, "the body is larger than the limit of " + max + " bytes");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        if (body.length > max) {
            return refusal(request, 413, "the body is larger than the limit of " + max + " bytes");
        }
        return new Checked(version.get(), body, null);
    }

    private static MediaType parse(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private Checked refusal(HttpServletRequest request, int status, String message) {
        return new Checked(null, null, XapiErrors.answer(json, request, status, message, List.of()));
    }

    private ResponseEntity<?> refused(HttpServletRequest request, IntakeResult.Refused refused) {
        return XapiErrors.answer(json, request, refused.status(), refused.error(), refused.violations());
    }

    private static String tenant(HttpServletRequest request) {
        return (String) request.getAttribute(XapiBasicAuthFilter.TENANT);
    }

    private static String authority(HttpServletRequest request) {
        return (String) request.getAttribute(XapiBasicAuthFilter.KEY);
    }
}
