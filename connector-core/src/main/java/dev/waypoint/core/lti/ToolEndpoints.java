package dev.waypoint.core.lti;

import java.net.URI;

/**
 * The tool's own URLs as platforms know them (LTI Core 1.3 §5.3.3 target_link_uri; Security Framework
 * §5.1.1.2 redirect_uri). {@link #isOurs} decides whether a target link points at this tool: same
 * scheme, host and port, and a path under the tool's base path.
 */
public record ToolEndpoints(String baseUrl) {

    public ToolEndpoints {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String loginUrl() {
        return baseUrl + "/lti/login";
    }

    public String launchUrl() {
        return baseUrl + "/lti/launch";
    }

    public String jwksUrl() {
        return baseUrl + "/.well-known/jwks.json";
    }

    public String deepLinkUrl() {
        return baseUrl + "/lti/launch";
    }

    public boolean isOurs(String targetLinkUri) {
        try {
            URI target = URI.create(targetLinkUri);
            URI base = URI.create(baseUrl + "/");
            return target.getScheme() != null && target.getScheme().equalsIgnoreCase(base.getScheme())
                    && target.getHost() != null && target.getHost().equalsIgnoreCase(base.getHost())
                    && port(target) == port(base)
                    && target.getRawPath() != null && target.getRawPath().startsWith(base.getRawPath())
                    && target.getUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
