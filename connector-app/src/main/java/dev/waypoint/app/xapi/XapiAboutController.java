package dev.waypoint.app.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waypoint.xapi.statement.XapiVersion;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The about resource (xAPI 1.0.3 Communication §2.7): the versions this LRS speaks, open without credentials.
 * The statement resource is {@link XapiStatementResource}.
 */
@RestController
class XapiAboutController {

    private final ObjectMapper json;

    XapiAboutController(ObjectMapper json) {
        this.json = json;
    }

    @GetMapping("/xapi/about")
    ResponseEntity<ObjectNode> about(HttpServletRequest request) {
        ObjectNode body = json.createObjectNode();
        body.putArray("version").add(XapiVersion.V1_0.latestPatch()).add(XapiVersion.V2_0.latestPatch());
        body.putObject("extensions");
        return ResponseEntity.ok().header(XapiVersion.HEADER, XapiErrors.answeredVersion(request))
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
