package dev.waypoint.app.lti;

import dev.waypoint.core.lti.DeepLinkingResponse;
import dev.waypoint.core.lti.LaunchMessage;
import dev.waypoint.core.lti.ToolEndpoints;
import dev.waypoint.core.lti.ToolKeyRing;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.Clock;

/**
 * Answers a deep-linking launch (Deep Linking 2.0 §4.5): a page that posts the signed response with
 * "My career path" back to the platform's return URL. There is one thing to place, so no picker.
 */
@Component
public class DeepLinking {

    private final ToolKeyRing keys;
    private final ToolEndpoints tool;
    private final Clock clock;

    public DeepLinking(ToolKeyRing keys, ToolEndpoints tool, Clock clock) {
        this.keys = keys;
        this.tool = tool;
        this.clock = clock;
    }

    public String choose(LaunchMessage launch, Model model) {
        model.addAttribute("returnUrl", launch.deepLinkReturnUrl());
        model.addAttribute("jwt", DeepLinkingResponse.sign(launch, keys.signingKey(), tool.launchUrl(), clock.instant()));
        model.addAttribute("title", DeepLinkingResponse.TITLE);
        return "lti/deep-link";
    }
}
