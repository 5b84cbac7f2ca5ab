package dev.waypoint.app.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waypoint.xapi.statement.Violation;
import dev.waypoint.xapi.statement.XapiVersion;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.List;

/**
 * The error body of the xAPI endpoints. The specification leaves the body of an error open; LRSs answer a
 * JSON object naming the problem. Ours: {@code {"error": true, "status": 400, "message": "...",
 * "violations": [{"path": "$[2].actor.mbox", "rule": "..."}]}}, with the version header like every answer.
 */
final class XapiErrors {

    private XapiErrors() {
    }

    static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response, int status,
                      String message) throws IOException {
        write(json, request, response, status, message, List.of());
    }

    static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response, int status,
                      String message, List<Violation> violations) throws IOException {
        response.setStatus(status);
        response.setHeader(XapiVersion.HEADER, answeredVersion(request));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (status == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"waypoint-xapi\"");
        }
        json.writeValue(response.getOutputStream(), body(json, status, message, violations));
    }

    /** The latest patch of the version asked for; 2.0.0 when the request named none we speak. */
    static String answeredVersion(HttpServletRequest request) {
        return XapiVersion.parse(request.getHeader(XapiVersion.HEADER)).orElse(XapiVersion.V2_0).latestPatch();
    }

    private static ObjectNode body(ObjectMapper json, int status, String message, List<Violation> violations) {
        ObjectNode body = json.createObjectNode();
        body.put("error", true);
        body.put("status", status);
        body.put("message", message);
        if (!violations.isEmpty()) {
            ArrayNode list = body.putArray("violations");
            violations.forEach(v -> list.addObject().put("path", v.path()).put("rule", v.rule()));
        }
        return body;
    }
}
