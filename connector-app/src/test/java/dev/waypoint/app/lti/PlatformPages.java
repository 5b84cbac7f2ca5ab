package dev.waypoint.app.lti;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The browser-facing pages of the simulated platform, shaped like Moodle's recorded ones: a course page
 * that auto-submits the login initiation to the tool (lti-initiation.html), and the authorization
 * endpoint that answers with an auto-submitting form posting id_token and state to the redirect URI
 * (lti-auth-response.html). They mint a fresh id_token per request, so they are a small HTTP server.
 */
final class PlatformPages implements AutoCloseable {

    private final HttpServer server;
    private final PlatformSimulator platform;
    private final String toolBase;
    private final String sub;
    private final String role;

    PlatformPages(PlatformSimulator platform, String toolBase, String sub, String role) throws IOException {
        this.platform = platform;
        this.toolBase = toolBase;
        this.sub = sub;
        this.role = role;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/course/launch", this::course);
        server.createContext("/mod/lti/auth.php", this::authorize);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void course(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", platform.issuer());
        params.put("target_link_uri", toolBase + "/lti/launch");
        params.put("login_hint", sub);
        params.put("lti_message_hint", "{\"cmid\":7,\"launchid\":\"ltilaunch1_178442951\"}");
        params.put("client_id", platform.clientId());
        params.put("lti_deployment_id", platform.deploymentId());
        html(exchange, 200, form(toolBase + "/lti/login", "ltiInitiateLoginForm", params));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (!(toolBase + "/lti/launch").equals(query.get("redirect_uri")) || !sub.equals(query.get("login_hint"))) {
            // Moodle answers a wrong redirect_uri with an HTTP 404 "Invalid request" page.
            html(exchange, 404, "<p>Invalid request</p>");
            return;
        }
        String idToken = platform.sign(platform.launchClaims(query.get("nonce"), toolBase + "/lti/launch", sub, role));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("id_token", idToken);
        params.put("state", query.get("state"));
        html(exchange, 200, form(query.get("redirect_uri"), "ltiAuthForm", params));
    }

    private static String form(String action, String name, Map<String, String> params) {
        StringBuilder html = new StringBuilder("<html><body><form action=\"" + escape(action) + "\" name=\"" + name
                + "\" id=\"" + name + "\" method=\"post\" enctype=\"application/x-www-form-urlencoded\">");
        params.forEach((key, value) -> html.append("<input type=\"hidden\" name=\"").append(key).append("\" value=\"")
                .append(escape(value)).append("\"/>"));
        return html.append("</form><script>document.").append(name).append(".submit();</script></body></html>").toString();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void html(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
