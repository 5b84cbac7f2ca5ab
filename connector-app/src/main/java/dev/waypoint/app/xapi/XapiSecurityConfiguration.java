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
                .addFilterBefore(new XapiBasicAuthFilter(credentials, json), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }
}
