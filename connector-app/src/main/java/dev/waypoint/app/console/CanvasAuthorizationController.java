package dev.waypoint.app.console;

import dev.waypoint.core.RandomTokens;
import dev.waypoint.app.canvas.CanvasAuthorization;
import dev.waypoint.canvas.CanvasException;
import dev.waypoint.core.lti.ToolEndpoints;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashMap;

/**
 * The console's "Authorize with Canvas" for a tenant reached with a developer key: sends the admin's browser
 * to Canvas's authorization page and takes it back (RFC 6749 §4.1.1–§4.1.2). The {@code state} is random,
 * kept in the admin's session and good once, so a return this console did not start stores nothing
 * (RFC 6749 §10.12).
 */
@Controller
class CanvasAuthorizationController {

    static final String RETURN_PATH = "/console/canvas/authorized";
    private static final String PENDING = CanvasAuthorizationController.class.getName() + ".pending";

    private final CanvasAuthorization authorization;
    private final ToolEndpoints tool;

    CanvasAuthorizationController(CanvasAuthorization authorization, ToolEndpoints tool) {
        this.authorization = authorization;
        this.tool = tool;
    }

    // A link, not a form: the console's CSP (form-action 'self') would stop a form's redirect to Canvas.
    // Starting is harmless without CSRF protection: it stores nothing until Canvas answers with our state.
    @GetMapping("/console/canvas/{tenant}/authorize")
    String authorize(@PathVariable String tenant, HttpSession session, RedirectAttributes flash) {
        String state = RandomTokens.urlSafe(32);
        String url;
        try {
            url = authorization.authorizationUrl(tenant, returnUri(), state);
        } catch (CanvasAuthorization.NotAuthorizable e) {
            flash.addFlashAttribute("problem", "Nothing to authorize: " + e.getMessage() + ".");
            return "redirect:/console";
        }
        pending(session).put(state, tenant);
        return "redirect:" + url;
    }

    @GetMapping(RETURN_PATH)
    String authorized(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
                      @RequestParam(required = false) String error, HttpSession session, RedirectAttributes flash) {
        String tenant = state == null ? null : pending(session).remove(state);
        if (tenant == null) {
            flash.addFlashAttribute("problem", "Canvas sent back an authorization this console did not start, or one "
                    + "already used: nothing was stored. Start it again from the Canvas row.");
        } else if (error != null) {
            flash.addFlashAttribute("problem", "Canvas did not authorize the developer key of tenant " + tenant
                    + " (" + error + "): nothing was stored.");
        } else if (code == null || code.isBlank()) {
            flash.addFlashAttribute("problem", "Canvas came back without a code for tenant " + tenant
                    + ": nothing was stored.");
        } else {
            try {
                authorization.complete(tenant, code, returnUri());
                flash.addFlashAttribute("notice", "Canvas developer key authorized for tenant " + tenant + ".");
            } catch (CanvasException | CanvasAuthorization.NotAuthorizable e) {
                flash.addFlashAttribute("problem", "Authorizing tenant " + tenant + " failed: " + e.getMessage() + ".");
            }
        }
        return "redirect:/console";
    }

    private String returnUri() {
        return tool.baseUrl() + RETURN_PATH;
    }

    @SuppressWarnings("unchecked")
    private static HashMap<String, String> pending(HttpSession session) {
        Object pending = session.getAttribute(PENDING);
        if (pending == null) {
            pending = new HashMap<String, String>();
            session.setAttribute(PENDING, pending);
        }
        return (HashMap<String, String>) pending;
    }
}
