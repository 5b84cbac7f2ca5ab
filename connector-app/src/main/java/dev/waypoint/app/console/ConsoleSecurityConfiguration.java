package dev.waypoint.app.console;

import dev.waypoint.app.security.AdminToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.server.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Who may use the admin console ({@code /console/**}): an admin who pasted the admin token into the sign-in
 * form. The token is checked by {@link AdminToken#accepts} as for the API; success starts an HTTP session
 * (a new id, against fixation). Forms carry Spring Security's CSRF token, kept in a cookie rather than the
 * session so that the sign-in page and a refused sign-in create no session at all.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {

    static final String SIGN_IN = "/console/login";
    static final String TOKEN_FIELD = "token";
    private static final String CSRF_COOKIE = "WAYPOINT_CONSOLE_CSRF";

    @Bean
    @Order(40)
    SecurityFilterChain consoleSecurity(HttpSecurity http, AdminToken adminToken) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName(CSRF_COOKIE);
        csrfTokens.setCookiePath("/console");
        csrfTokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
        SimpleUrlAuthenticationFailureHandler refused = new SimpleUrlAuthenticationFailureHandler(SIGN_IN + "?refused");
        refused.setAllowSessionCreation(false);
        http
                .securityMatcher("/console/**")
                .authenticationManager(adminTokenCheck(adminToken))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                // the cookie must be written before a page is streamed, not when the form first asks for it
                .addFilterAfter(new EagerCsrfCookie(), CsrfFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                // no saved request: it would open a session for every anonymous visit
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form
                        .loginPage(SIGN_IN)
                        .loginProcessingUrl(SIGN_IN)
                        .passwordParameter(TOKEN_FIELD)
                        .defaultSuccessUrl("/console", true)
                        .failureHandler(refused)
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/console/logout")
                        .logoutSuccessUrl(SIGN_IN + "?signed-out")
                        .deleteCookies("JSESSIONID")
                        .invalidateHttpSession(true))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'none'; form-action 'self'; frame-ancestors 'none'; "
                                        + "base-uri 'none'; object-src 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(auth -> auth
                        // the form's own permit matches the exact URL, query included; ?refused must pass too
                        .requestMatchers(SIGN_IN, "/console/console.css").permitAll()
                        .anyRequest().hasRole("ADMIN"));
        return http.build();
    }

    /** The servlet session cookie, used by the console alone (LTI keeps its own): not sent on cross-site posts. */
    @Bean
    CookieSameSiteSupplier consoleSessionCookieSameSite() {
        return CookieSameSiteSupplier.ofLax().whenHasName("JSESSIONID");
    }

    private static AuthenticationManager adminTokenCheck(AdminToken adminToken) {
        return authentication -> {
            Object presented = authentication.getCredentials();
            // pasted tokens often carry a line break; the API filter trims the header the same way
            if (presented instanceof String token && adminToken.accepts(token.trim())) {
                return UsernamePasswordAuthenticationToken.authenticated("admin", null,
                        AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
            }
            throw new BadCredentialsException("not the admin token");
        };
    }

    /** Loads the deferred CSRF token on every console request so its cookie is set with the headers. */
    private static final class EagerCsrfCookie extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
