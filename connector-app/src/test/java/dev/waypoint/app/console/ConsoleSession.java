package dev.waypoint.app.console;

import dev.waypoint.app.lti.ToolBrowser;
import dev.waypoint.app.lti.ToolBrowser.Page;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An admin's browser on the console, as far as the tests need one: keeps cookies, follows no redirect, and
 * sends the CSRF token of the last page it was shown with each form, as a browser submitting that page would.
 */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final ToolBrowser browser;
    private String csrf;

    ConsoleSession(int port) {
        this.browser = new ToolBrowser(port);
    }

    Page get(String path) {
        Page page = browser.get(path);
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    /** Submits a form of the last page shown. */
    Page submit(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf);
        return browser.post(path, form);
    }

    /** Posts without any CSRF token, as a cross-site form would. */
    Page forge(String path, Map<String, String> fields) {
        return browser.post(path, fields);
    }

    Page signIn(String token) {
        get(ConsoleSecurityConfiguration.SIGN_IN);
        return submit(ConsoleSecurityConfiguration.SIGN_IN, Map.of("token", token));
    }

    Map<String, String> cookies() {
        return browser.cookies();
    }
}
