package dev.waypoint.app.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.xapi.IntakeResult;
import dev.waypoint.xapi.StatementIntake;
import dev.waypoint.xapi.XapiProperties;
import dev.waypoint.xapi.statement.XapiVersion;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The statement resource (xAPI 1.0.3 Communication §2.1, IEEE 9274.1.1 §5.2): the HTTP side of it — version
 * header, content type, body size, answers — with the rules themselves in {@link StatementIntake}. A good POST
 * answers 200 with the ids in order (logstore_xapi treats anything else as a failure and resends), a good PUT 204.
 *
 * <p>A plain request handler, mapped by URL ahead of the controllers, rather than a controller: it is the
 * endpoint LMSs send to at volume, and matching it among every controller's mappings (done once more per request
 * by Spring Security, to align its matching with MVC's), argument binding and message conversion were a quarter
 * of the CPU of a single-statement POST. The security filter chain ({@link XapiSecurityConfiguration}) runs in
 * front of it as before.
 */
final class XapiStatementResource implements HttpRequestHandler {

    static final String PATH = "/xapi/statements";

    private final StatementIntake intake;
    private final StatementHandOff handOff;
    private final XapiProperties properties;
    private final ObjectMapper json;

    XapiStatementResource(StatementIntake intake, StatementHandOff handOff, XapiProperties properties, ObjectMapper json) {
        this.intake = intake;
        this.handOff = handOff;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The request metric names this path, as it would a controller's mapping.
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATH));
        switch (request.getMethod()) {
            case "POST" -> post(request, response);
            case "PUT" -> put(request, response);
            default -> {
                response.setHeader(HttpHeaders.ALLOW, "POST, PUT");
                XapiErrors.write(json, request, response, 405,
                        request.getMethod() + " is not served here: send statements with POST or PUT", List.of());
            }
        }
    }

    private void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Checked checked = check(request, response);
        if (checked == null) {
            return;
        }
        IntakeResult result = intake.post(tenant(request), authority(request), checked.version, checked.body);
        if (result instanceof IntakeResult.Accepted accepted) {
            handOff.handOff(tenant(request), accepted.newlyStored());
            response.setStatus(200);
            response.setHeader(XapiVersion.HEADER, checked.version.latestPatch());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), accepted.ids());
            return;
        }
        refused(request, response, (IntakeResult.Refused) result);
    }

    private void put(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Checked checked = check(request, response);
        if (checked == null) {
            return;
        }
        IntakeResult result = intake.put(tenant(request), authority(request), checked.version,
                request.getParameter("statementId"), checked.body);
        if (result instanceof IntakeResult.Accepted accepted) {
            handOff.handOff(tenant(request), accepted.newlyStored());
            response.setStatus(204);
            response.setHeader(XapiVersion.HEADER, checked.version.latestPatch());
            return;
        }
        refused(request, response, (IntakeResult.Refused) result);
    }

    private record Checked(XapiVersion version, byte[] body) {
    }

    /**
     * Communication §3.3 (version header), §2.1 (JSON only here), and our body limit, each a 4xx of its own;
     * null when the refusal has been written.
     */
    private Checked check(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String header = request.getHeader(XapiVersion.HEADER);
        if (header == null) {
            return refuse(request, response, 400, "the " + XapiVersion.HEADER + " header is required");
        }
        Optional<XapiVersion> version = XapiVersion.parse(header);
        if (version.isEmpty()) {
            return refuse(request, response, 400, "xAPI version '" + header + "' is not supported; use 1.0.x or 2.0.x");
        }
        String contentType = request.getContentType();
        if (contentType == null || !MediaType.APPLICATION_JSON.isCompatibleWith(parse(contentType))) {
            return refuse(request, response, 415, "send statements as application/json"
                    + (contentType != null && contentType.startsWith("multipart/") ? " (attachments in multipart/mixed are not accepted)" : ""));
        }
        long max = properties.maxBodyBytes();
        if (request.getContentLengthLong() > max) {
            return refuse(request, response, 413, "the body is larger than the limit of " + max + " bytes");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        if (body.length > max) {
            return refuse(request, response, 413, "the body is larger than the limit of " + max + " bytes");
        }
        return new Checked(version.get(), body);
    }

    private static MediaType parse(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private Checked refuse(HttpServletRequest request, HttpServletResponse response, int status, String message) throws IOException {
        XapiErrors.write(json, request, response, status, message, List.of());
        return null;
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, IntakeResult.Refused refused) throws IOException {
        XapiErrors.write(json, request, response, refused.status(), refused.error(), refused.violations());
    }

    private static String tenant(HttpServletRequest request) {
        return (String) request.getAttribute(XapiBasicAuthFilter.TENANT);
    }

    private static String authority(HttpServletRequest request) {
        return (String) request.getAttribute(XapiBasicAuthFilter.KEY);
    }
}
