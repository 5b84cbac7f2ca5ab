package dev.waypoint.app.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.xapi.store.JdbcXapiCredentials;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The security of the xAPI endpoints ({@code /xapi/**}): stateless, no CSRF (LRS clients are not browsers),
 * authenticated by {@link XapiBasicAuthFilter} against the per-tenant xAPI credentials, not the admin token.
 * Only what these endpoints use is kept (security headers and that filter): the chain runs on every statement POST.
 */
@Configuration(proxyBeanMethods = false)
class XapiSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain xapiSecurity(HttpSecurity http, JdbcXapiCredentials credentials, ObjectMapper json) throws Exception {
        http
                .securityMatcher("/xapi/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .servletApi(servletApi -> servletApi.disable())
                .exceptionHandling(exceptions -> exceptions.disable())
                .addFilterBefore(new XapiBasicAuthFilter(credentials, json), BasicAuthenticationFilter.class);
        // No authorizeHttpRequests: XapiBasicAuthFilter has already refused every request it does not let through,
        // and each filter more is work on every statement POST.
        return http.build();
    }
}
