package dev.waypoint.app.lti;

import dev.waypoint.core.lti.LaunchMessage;
import dev.waypoint.core.lti.LaunchRefusal;
import dev.waypoint.core.lti.LaunchRefusedException;
import dev.waypoint.core.lti.LaunchValidator;
import dev.waypoint.core.lti.LoginStateStore;
import dev.waypoint.core.lti.RegistrationRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import java.time.Clock;
import java.util.Optional;

/**
 * {@code POST /lti/launch}: the authentication response (LTI Security Framework 1.0 §5.1.1.3). A valid
 * launch opens a session and shows the learner page, the instructor's course view, or the deep-linking
 * choice; anything else gets the refusal page, a log line, and no session.
 *
 * <p>When the browser sent the state cookie back, cookies work in this frame, so a resource-link launch answers
 * {@code 303 See Other} to the page (post/redirect/get): reloading the frame then asks for the page again rather
 * than re-posting a spent id_token, which the single-use nonce would refuse. When the state came from the
 * platform's storage (third-party cookies blocked), the session cookie would not come back either, so the page
 * is the launch's own answer.
 */
@Controller
public class LaunchController {

    private static final Logger log = LoggerFactory.getLogger(LaunchController.class);

    private final LaunchValidator validator;
    private final LaunchSessions sessions;
    private final ToolPages pages;
    private final DeepLinking deepLinking;
    private final LtiProperties properties;
    private final LtiCookies cookies;
    private final LoginStateStore states;
    private final RegistrationRepository registrations;
    private final Clock clock;

    public LaunchController(LaunchValidator validator, LaunchSessions sessions, ToolPages pages, DeepLinking deepLinking,
                            LtiProperties properties, LoginStateStore states, RegistrationRepository registrations,
                            Clock clock) {
        this.validator = validator;
        this.states = states;
        this.registrations = registrations;
        this.clock = clock;
        this.sessions = sessions;
        this.pages = pages;
        this.deepLinking = deepLinking;
        this.properties = properties;
        this.cookies = new LtiCookies(properties.secureCookies());
    }

    @PostMapping("/lti/launch")
    public ModelAndView launch(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (request.getContentLengthLong() > properties.maxLaunchBytes()) {
            return new ModelAndView(Refusals.page(log, response, model, new LaunchRefusedException(
                    LaunchRefusal.OVERSIZED_REQUEST, request.getContentLengthLong() + " bytes")));
        }
        String idToken = request.getParameter("id_token");
        String state = request.getParameter("state");
        String bound = LtiCookies.read(request, LtiCookies.STATE);
        if (bound == null && request.getParameter("lti_storage_target") != null
                && request.getParameter("platform_state") == null) {
            // No cookie came back (third-party cookies blocked): read the state from the platform's storage,
            // talking only to the origin of the platform this state was issued for.
            Optional<String> origin = state == null ? Optional.empty() : states.find(state, clock.instant())
                    .flatMap(issued -> registrations.findById(issued.registrationId()))
                    .map(registration -> PlatformStorage.origin(registration.authorizationEndpoint()));
            if (origin.isEmpty()) {
                return new ModelAndView(Refusals.page(log, response, model, new LaunchRefusedException(
                        LaunchRefusal.UNKNOWN_STATE, "state not issued, used or expired (platform storage)")));
            }
            model.addAttribute("idToken", idToken);
            model.addAttribute("state", state);
            model.addAttribute("target", request.getParameter("lti_storage_target"));
            model.addAttribute("platformOrigin", origin.get());
            return new ModelAndView("lti/fetch-state");
        }
        boolean cookiesCameBack = bound != null;
        if (bound == null) {
            bound = request.getParameter("platform_state");
        }
        LaunchMessage launch;
        try {
            launch = validator.validate(idToken, state, bound);
        } catch (LaunchRefusedException refused) {
            return new ModelAndView(Refusals.page(log, response, model, refused));
        }
        cookies.clear(response, LtiCookies.STATE);
        LtiSession session = sessions.open(launch);
        cookies.set(response, LtiCookies.SESSION, session.id(), properties.sessionLifetime());
        log.info("LTI launch: registration {} deployment {} {} as {}", launch.registration().id(),
                launch.deploymentId(), launch.messageType(), session.instructor() ? "instructor" : "learner");
        if (launch.isDeepLinking()) {
            return new ModelAndView(deepLinking.choose(launch, model));
        }
        if (cookiesCameBack) {
            RedirectView page = new RedirectView(session.instructor() ? "/lti/course" : "/lti/learner", true);
            page.setStatusCode(HttpStatus.SEE_OTHER);
            page.setExposeModelAttributes(false);
            return new ModelAndView(page);
        }
        return new ModelAndView(pages.render(session, model, response));
    }

    @GetMapping({"/lti/learner", "/lti/course"})
    public String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        return sessions.find(LtiCookies.read(request, LtiCookies.SESSION))
                .map(session -> pages.render(session, model, response))
                .orElseGet(() -> {
                    response.setStatus(401);
                    model.addAttribute("reason", "NO_SESSION");
                    model.addAttribute("description", "open Waypoint from your course to see this page");
                    return "lti/refused";
                });
    }
}
