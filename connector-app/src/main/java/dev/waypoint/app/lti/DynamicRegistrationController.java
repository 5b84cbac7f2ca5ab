package dev.waypoint.app.lti;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.lti.PlatformConfiguration;
import dev.waypoint.core.lti.Registration;
import dev.waypoint.core.lti.RegistrationRepository;
import dev.waypoint.core.lti.ToolConfiguration;
import dev.waypoint.core.lti.ToolEndpoints;
import dev.waypoint.core.store.TenantRepository;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /lti/register}: LTI Dynamic Registration 1.0 (§3.3 "Initiation": the platform opens this
 * page with {@code openid_configuration} and {@code registration_token}). Fetches the platform's
 * configuration, posts ours to its registration endpoint, stores the registration under the default
 * tenant, and answers a page that tells the platform it is done ({@code org.imsglobal.lti.close}).
 * Also {@code GET /lti/canvas.json}, Canvas's developer-key configuration.
 */
@Controller
public class DynamicRegistrationController {

    private static final Logger log = LoggerFactory.getLogger(DynamicRegistrationController.class);

    private final PlatformServices services;
    private final RegistrationRepository registrations;
    private final ToolEndpoints tool;
    private final PlatformOrigins origins;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public DynamicRegistrationController(PlatformServices services, RegistrationRepository registrations,
                                         ToolEndpoints tool, PlatformOrigins origins, Clock clock) {
        this.services = services;
        this.registrations = registrations;
        this.tool = tool;
        this.origins = origins;
        this.clock = clock;
    }

    @GetMapping("/lti/register")
    public String register(@RequestParam(name = "openid_configuration", required = false) String configurationUrl,
                           @RequestParam(name = "registration_token", required = false) String registrationToken,
                           HttpServletResponse response, Model model) {
        if (configurationUrl == null || !isHttpUrl(configurationUrl)) {
            return failed(response, model, 400, "openid_configuration must be the platform's configuration URL");
        }
        try {
            PlatformServices.Answer fetched = services.fetch(configurationUrl);
            if (fetched.status() != 200 || !fetched.body().isObject()) {
                return failed(response, model, 502, "the platform's configuration answered HTTP " + fetched.status());
            }
            PlatformConfiguration platform = PlatformConfiguration.read(json.convertValue(fetched.body(), Map.class));
            PlatformServices.Answer answer = services.register(platform.registrationEndpoint(), registrationToken,
                    ToolConfiguration.registrationRequest(tool));
            if (answer.status() != 200 && answer.status() != 201) {
                return failed(response, model, 502, "the platform refused the registration with HTTP " + answer.status());
            }
            PlatformConfiguration.Registered registered = PlatformConfiguration.registered(json.convertValue(answer.body(), Map.class));
            Registration registration = registrations.find(platform.issuer(), registered.clientId())
                    .orElseGet(() -> registrations.save(new Registration(UUID.randomUUID().toString(),
                            TenantRepository.DEFAULT_TENANT, platform.issuer(), registered.clientId(),
                            platform.authorizationEndpoint(), platform.tokenEndpoint(), platform.jwksUri(), true,
                            clock.instant())));
            if (registered.deploymentId() != null) {
                registrations.recordDeployment(registration.id(), registered.deploymentId());
            }
            origins.changed();
            log.info("LTI dynamic registration: {} client {} ({})", platform.issuer(), registered.clientId(),
                    platform.productFamily());
            model.addAttribute("issuer", platform.issuer());
            model.addAttribute("clientId", registered.clientId());
            model.addAttribute("deploymentId", registered.deploymentId());
            return "lti/registered";
        } catch (IllegalArgumentException | PlatformServices.ServiceFailure e) {
            return failed(response, model, 502, e.getMessage());
        }
    }

    @GetMapping(path = "/lti/canvas.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public Map<String, Object> canvas() {
        return ToolConfiguration.canvasDeveloperKey(tool);
    }

    private String failed(HttpServletResponse response, Model model, int status, String why) {
        log.warn("LTI dynamic registration failed: {}", why);
        response.setStatus(status);
        model.addAttribute("reason", "REGISTRATION_FAILED");
        model.addAttribute("description", why);
        return "lti/refused";
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
