package dev.waypoint.app.lti;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the LTI flow needs one: posts the platform's login initiation, keeps the tool's
 * cookies by hand (they are Secure and SameSite=None, which a plain-http client would otherwise drop),
 * and posts id_tokens to the launch URL.
 */
public final class ToolBrowser {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public ToolBrowser(int port) {
        this.base = "http://localhost:" + port;
    }

    public String launchUrl() {
        return base + "/lti/launch";
    }

    /** Posts the initiation as Moodle does; answers the authentication request's parameters (state, nonce, …). */
    public Login login(PlatformSimulator platform) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", platform.issuer());
        params.put("target_link_uri", launchUrl());
        params.put("login_hint", "3");
        params.put("lti_message_hint", "{\"cmid\":7,\"launchid\":\"ltilaunch1_178442951\"}");
        params.put("client_id", platform.clientId());
        params.put("lti_deployment_id", platform.deploymentId());
        Page page = post("/lti/login", params);
        if (page.status() != 302) {
            throw new IllegalStateException("login answered " + page.status() + ": " + page.body());
        }
        return new Login(page.location(), query(page.location()));
    }

    public Page post(String path, Map<String, String> form) {
        return post(path, form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    public Page post(String path, String formBody) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)));
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /**
     * Posts a launch and, as a browser does, follows a {@code 303} to the page it leads to; the answer is that
     * page, with the launch's own cookies listed first.
     */
    public Page launch(String idToken, String state) {
        Page launch = postLaunch(idToken, state);
        if (launch.status() != 303) {
            return launch;
        }
        Page page = get(URI.create(base).resolve(launch.location()).getRawPath());
        List<String> cookies = new ArrayList<>(launch.setCookies());
        cookies.addAll(page.setCookies());
        return new Page(page.status(), page.body(), page.location(), cookies, page.headers());
    }

    /** Posts a launch as the platform's auto-submitted form does, and answers the tool's reply as it is. */
    public Page postLaunch(String idToken, String state) {
        Map<String, String> form = new LinkedHashMap<>();
        if (idToken != null) {
            form.put("id_token", idToken);
        }
        if (state != null) {
            form.put("state", state);
        }
        return post("/lti/launch", form);
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public void forgetCookies() {
        cookies.clear();
    }

    private Page send(HttpRequest.Builder builder) {
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(builder.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> setCookies = response.headers().allValues("Set-Cookie");
            for (String header : setCookies) {
                String pair = header.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null),
                    setCookies, response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first group of {@code pattern} in a page; fails when the page has no match. */
    static String find(String body, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no " + pattern + " in " + body);
        }
        return matcher.group(1);
    }

    /** A page's inline script as a browser reads it: JavaScript and HTML escapes of URLs undone. */
    static String unescape(String script) {
        return script.replace("\\/", "/").replace("\\u0026", "&").replace("&amp;", "&");
    }

    static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    public record Login(String url, Map<String, String> params) {
        public String state() {
            return params.get("state");
        }

        public String nonce() {
            return params.get("nonce");
        }
    }

    public record Page(int status, String body, String location, List<String> setCookies,
                       Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }
}
