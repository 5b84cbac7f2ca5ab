package dev.waypoint.app.lti;

import dev.waypoint.core.lti.LaunchRefusal;
import dev.waypoint.core.lti.LaunchRefusedException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.springframework.ui.Model;

/** The page and the log line of a refused login or launch: the reason, never the token. */
final class Refusals {

    private Refusals() {
    }

    static String page(Logger log, HttpServletResponse response, Model model, LaunchRefusedException refused) {
        log.warn("LTI request refused: {}", refused.getMessage());
        response.setStatus(status(refused.reason()));
        model.addAttribute("reason", refused.reason().name());
        model.addAttribute("description", refused.reason().description());
        return "lti/refused";
    }

    private static int status(LaunchRefusal reason) {
        return switch (reason) {
            case OVERSIZED_REQUEST -> 413;
            case MALFORMED_TOKEN, BAD_LOGIN_REQUEST, MISSING_CLAIM, WRONG_MESSAGE_TYPE, WRONG_VERSION, FOREIGN_TARGET -> 400;
            case PLATFORM_KEYS_UNAVAILABLE -> 502;
            default -> 401;
        };
    }
}
