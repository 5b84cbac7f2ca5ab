package dev.waypoint.core.lti;

import dev.waypoint.core.RandomTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The third-party initiated login (LTI Security Framework 1.0 §5.1.1 "OpenID Connect Launch Flow
 * Overview", §5.1.1.1 "Step 1: Third-party Initiated Login" and §5.1.1.2 "Step 2: Authentication
 * Request"): checks the platform's initiation, remembers a fresh state and nonce, and answers the
 * authentication request the browser is sent to. {@code lti_message_hint} is echoed verbatim (Moodle
 * needs it unchanged) and {@code redirect_uri} is exactly the registered launch URL.
 */
public final class LoginInitiation {

    private final RegistrationRepository registrations;
    private final LoginStateStore states;
    private final ToolEndpoints tool;
    private final Clock clock;
    private final Duration stateLifetime;

    public LoginInitiation(RegistrationRepository registrations, LoginStateStore states, ToolEndpoints tool,
                           Clock clock, Duration stateLifetime) {
        this.registrations = registrations;
        this.states = states;
        this.tool = tool;
        this.clock = clock;
        this.stateLifetime = stateLifetime;
    }

    /** @param params the initiation parameters as the platform sent them (query or form) */
    public AuthenticationRequest start(Map<String, String> params) {
        String issuer = required(params, "iss");
        String loginHint = required(params, "login_hint");
        String targetLinkUri = required(params, "target_link_uri");
        String clientId = params.get("client_id");
        Registration registration = (clientId == null || clientId.isBlank()
                ? registrations.list().stream().filter(r -> r.issuer().equals(issuer)).findFirst()
                : registrations.find(issuer, clientId))
                .orElseThrow(() -> registrations.knowsIssuer(issuer)
                        ? new LaunchRefusedException(LaunchRefusal.UNKNOWN_CLIENT, "client " + clientId + " of " + issuer)
                        : new LaunchRefusedException(LaunchRefusal.UNKNOWN_PLATFORM, "issuer " + issuer));
        if (!registration.active()) {
            throw new LaunchRefusedException(LaunchRefusal.INACTIVE_REGISTRATION, "registration " + registration.id());
        }
        if (!tool.isOurs(targetLinkUri)) {
            throw new LaunchRefusedException(LaunchRefusal.FOREIGN_TARGET, "target_link_uri " + targetLinkUri);
        }
        LoginState state = new LoginState(RandomTokens.urlSafe(24), RandomTokens.urlSafe(24), registration.id(), targetLinkUri,
                clock.instant().plus(stateLifetime));
        states.save(state);

        Map<String, String> query = new LinkedHashMap<>();
        query.put("scope", "openid");
        query.put("response_type", "id_token");
        query.put("response_mode", "form_post");
        query.put("prompt", "none");
        query.put("client_id", registration.clientId());
        query.put("redirect_uri", tool.launchUrl());
        query.put("login_hint", loginHint);
        query.put("state", state.state());
        query.put("nonce", state.nonce());
        String messageHint = params.get("lti_message_hint");
        if (messageHint != null) {
            query.put("lti_message_hint", messageHint);
        }
        String endpoint = registration.authorizationEndpoint();
        String url = endpoint + (endpoint.contains("?") ? "&" : "?") + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new AuthenticationRequest(url, state, registration);
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw new LaunchRefusedException(LaunchRefusal.BAD_LOGIN_REQUEST, "missing " + name);
        }
        return value;
    }

    /** Where to send the browser, and the state to bind to it (cookie or platform storage). */
    public record AuthenticationRequest(String url, LoginState state, Registration registration) {
    }
}
