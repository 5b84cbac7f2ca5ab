package dev.waypoint.app.canvas;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The Live Events endpoint is called by Canvas, not by a user: no session, no CSRF token, no admin token.
 * Each event is authenticated by {@link CanvasLiveEventsController} itself, by its JWT signature or the
 * tenant's shared secret, because which of the two applies depends on the tenant the request names.
 */
@Configuration(proxyBeanMethods = false)
public class CanvasSecurityConfiguration {

    @Bean
    @Order(30)
    SecurityFilterChain canvasLiveEventsSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/canvas/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/canvas/live-events").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
