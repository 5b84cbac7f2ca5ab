package dev.waypoint.app.console;

import dev.waypoint.app.api.ApiException;
import dev.waypoint.app.api.FieldProblem;
import dev.waypoint.app.lti.RegistrationController;
import dev.waypoint.app.lti.RegistrationController.RegistrationView;
import dev.waypoint.core.lti.ToolEndpoints;
import dev.waypoint.core.store.TenantRepository;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LTI registrations in the console: the list with each platform's status, the manual registration form
 * and activation. Both writes go through the admin API's own {@link RegistrationController}, so the form
 * has exactly the API's validation and a refused form saves nothing.
 */
@Controller
class LtiRegistrationsController {

    private final RegistrationController registrations;
    private final TenantRepository tenants;
    private final ToolEndpoints tool;

    LtiRegistrationsController(RegistrationController registrations, TenantRepository tenants, ToolEndpoints tool) {
        this.registrations = registrations;
        this.tenants = tenants;
        this.tool = tool;
    }

    @GetMapping("/console/lti")
    String list(Model model) {
        return page(model, RegistrationForm.empty(), Map.of());
    }

    @PostMapping("/console/lti")
    String register(@ModelAttribute RegistrationForm form, Model model, HttpServletResponse response,
                    RedirectAttributes flash) {
        RegistrationView saved;
        try {
            saved = registrations.create(form.toBody()).getBody();
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            Map<String, String> problems = new LinkedHashMap<>();
            for (FieldProblem problem : e.errors()) {
                problems.merge(problem.field(), problem.reason(), (a, b) -> a + "; " + b);
            }
            model.addAttribute("problem", "Nothing was saved: correct the fields marked below.");
            return page(model, form, problems);
        }
        flash.addFlashAttribute("notice", "Registered " + saved.issuer() + " (client " + saved.clientId() + ").");
        return "redirect:/console/lti";
    }

    @PostMapping("/console/lti/{id}/activation")
    String activate(@PathVariable String id, @RequestParam boolean active, RedirectAttributes flash) {
        try {
            RegistrationView changed = registrations.activate(id, new RegistrationController.Activation(active));
            flash.addFlashAttribute("notice", (changed.active() ? "Activated " : "Deactivated ")
                    + changed.issuer() + " (client " + changed.clientId() + ").");
        } catch (ApiException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/lti";
    }

    private String page(Model model, RegistrationForm form, Map<String, String> problems) {
        List<RegistrationView> all = registrations.list();
        model.addAttribute("registrations", all);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("tenants", tenants.list().stream().map(TenantRepository.Tenant::id).toList());
        model.addAttribute("urls", ToolUrls.of(tool));
        return "console/lti";
    }

    /** What an admin pastes into the LMS to install the tool. */
    public record ToolUrls(String dynamicRegistration, String login, String launch, String jwks, String canvasJson) {
        static ToolUrls of(ToolEndpoints tool) {
            return new ToolUrls(tool.baseUrl() + "/lti/register", tool.loginUrl(), tool.launchUrl(), tool.jwksUrl(),
                    tool.baseUrl() + "/lti/canvas.json");
        }
    }
}
