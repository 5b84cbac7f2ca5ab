package dev.waypoint.app.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sign-in page. The form posts to the same URL, where Spring Security checks the token
 * ({@link ConsoleSecurityConfiguration}); a refused token comes back here with {@code ?refused}.
 */
@Controller
class SignInController {

    @GetMapping(ConsoleSecurityConfiguration.SIGN_IN)
    String signIn(@RequestParam(required = false) String refused,
                  @RequestParam(name = "signed-out", required = false) String signedOut, Model model) {
        model.addAttribute("refused", refused != null);
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("tokenField", ConsoleSecurityConfiguration.TOKEN_FIELD);
        return "console/login";
    }
}
