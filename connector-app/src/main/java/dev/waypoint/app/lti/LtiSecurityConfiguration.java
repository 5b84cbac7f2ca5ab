package dev.waypoint.app.lti;

import dev.waypoint.core.lti.RegistrationRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Security of the LTI endpoints and pages. Platforms POST cross-site by design, so CSRF tokens do not
 * apply: state, nonce and the signed id_token protect the launch, and the tool's own session cookie
 * (SameSite=None; Secure; HttpOnly) protects the pages after it. The pages live in the platform's iframe,
 * so instead of {@code X-Frame-Options: DENY} a CSP {@code frame-ancestors} names the registered platforms.
 */
@Configuration(proxyBeanMethods = false)
public class LtiSecurityConfiguration {

    @Bean
    PlatformOrigins platformOrigins(RegistrationRepository registrations) {
        return new PlatformOrigins(registrations);
    }

    @Bean
    @Order(20)
    SecurityFilterChain ltiSecurity(HttpSecurity http, PlatformOrigins origins) throws Exception {
        http
                .securityMatcher("/lti/**", "/.well-known/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .frameOptions(frame -> frame.disable())
                        .addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy",
                                "frame-ancestors " + origins.frameAncestors() + "; default-src 'self'; "
                                        + "script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                                        + "form-action *; base-uri 'none'; object-src 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }
}
