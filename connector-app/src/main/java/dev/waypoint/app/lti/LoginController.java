package dev.waypoint.app.lti;

import dev.waypoint.core.lti.LaunchRefusal;
import dev.waypoint.core.lti.LaunchRefusedException;
import dev.waypoint.core.lti.LoginInitiation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET|POST /lti/login}: the platform's third-party initiated login (LTI Security Framework 1.0
 * §5.1.1.1). Binds a fresh state to the browser (cookie, and the platform's storage when it offers
 * {@code lti_storage_target}) and sends the browser to the platform's authorization endpoint.
 */
@Controller
public class LoginController {

    private static final Logger log = LoggerFactory.getLogger(LoginController.class);

    private final LoginInitiation login;
    private final LtiProperties properties;
    private final LtiCookies cookies;

    public LoginController(LoginInitiation login, LtiProperties properties) {
        this.login = login;
        this.properties = properties;
        this.cookies = new LtiCookies(properties.secureCookies());
    }

    @RequestMapping(path = "/lti/login", method = {RequestMethod.GET, RequestMethod.POST})
    public String login(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (request.getContentLengthLong() > properties.maxLaunchBytes()) {
            return Refusals.page(log, response, model, new LaunchRefusedException(LaunchRefusal.OVERSIZED_REQUEST,
                    request.getContentLengthLong() + " bytes"));
        }
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? null : values[0]));
        try {
            LoginInitiation.AuthenticationRequest auth = login.start(params);
            cookies.set(response, LtiCookies.STATE, auth.state().state(), properties.stateLifetime());
            String storageTarget = params.get("lti_storage_target");
            if (storageTarget != null && !storageTarget.isBlank()) {
                model.addAttribute("target", storageTarget);
                model.addAttribute("state", auth.state().state());
                model.addAttribute("authUrl", auth.url());
                model.addAttribute("platformOrigin", PlatformStorage.origin(auth.registration().authorizationEndpoint()));
                return "lti/store-state";
            }
            return "redirect:" + auth.url();
        } catch (LaunchRefusedException refused) {
            return Refusals.page(log, response, model, refused);
        }
    }
}
