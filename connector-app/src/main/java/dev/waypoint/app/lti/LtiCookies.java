package dev.waypoint.app.lti;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import java.time.Duration;

/**
 * The tool's two cookies: the login state (bound to the browser between login and launch) and the
 * session id after a launch. Both are SameSite=None, since the platform frames or posts to us
 * cross-site, and so must be Secure; both HttpOnly.
 */
public final class LtiCookies {

    public static final String STATE = "waypoint_lti_state";
    public static final String SESSION = "waypoint_lti_session";

    private final boolean secure;

    public LtiCookies(boolean secure) {
        this.secure = secure;
    }

    public void set(HttpServletResponse response, String name, String value, Duration maxAge) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(name, value).path("/").httpOnly(true)
                .secure(secure).sameSite("None").maxAge(maxAge).build().toString());
    }

    public void clear(HttpServletResponse response, String name) {
        set(response, name, "", Duration.ZERO);
    }

    public static String read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
