package dev.waypoint.app.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.xapi.store.JdbcXapiCredentials;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic authentication (RFC 7617) of xAPI clients, as xAPI 1.0.3 Communication §4 asks of an LRS:
 * the user is a credential key, the password its secret; the credential decides the tenant the statements
 * belong to. {@code GET /xapi/about} is open. The secret is compared by hash and never logged.
 */
final class XapiBasicAuthFilter extends OncePerRequestFilter {

    static final String TENANT = "waypoint.xapi.tenant";
    static final String KEY = "waypoint.xapi.key";

    private final JdbcXapiCredentials credentials;
    private final ObjectMapper json;

    XapiBasicAuthFilter(JdbcXapiCredentials credentials, ObjectMapper json) {
        this.credentials = credentials;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().equals(request.getContextPath() + "/xapi/about")) {
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            XapiErrors.write(json, request, response, 401, "authenticate with HTTP Basic: the credential key and its secret");
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            XapiErrors.write(json, request, response, 401, "the Basic credentials are not valid base64");
            return;
        }
        int colon = decoded.indexOf(':');
        Optional<String> tenant = colon <= 0 ? Optional.empty()
                : credentials.tenantOf(decoded.substring(0, colon), decoded.substring(colon + 1));
        if (tenant.isEmpty()) {
            XapiErrors.write(json, request, response, 401, "unknown credential key or wrong secret");
            return;
        }
        request.setAttribute(TENANT, tenant.get());
        request.setAttribute(KEY, decoded.substring(0, colon));
        chain.doFilter(request, response);
    }
}
