package dev.waypoint.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import java.io.IOException;
import java.net.URI;

/**
 * Who may call what. The admin API ({@code /api/**}) and the metrics need the admin token; health
 * and the API documentation are open. Refusals are RFC 9457 problems like every other API error.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** Last in line: protocol endpoints (LTI, xAPI, Live Events) bring their own chains, matched first. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain apiSecurity(HttpSecurity http, AdminToken adminToken, ObjectMapper json) throws Exception {
        http
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .addFilterBefore(new AdminTokenFilter(adminToken), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/**", "/actuator/**").hasRole("ADMIN")
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> write(response, json, HttpStatus.UNAUTHORIZED,
                                "Authentication required", "send the admin token as 'Authorization: Bearer <token>'",
                                request.getRequestURI()))
                        .accessDeniedHandler((request, response, ex) -> write(response, json, HttpStatus.FORBIDDEN,
                                "Forbidden", "this endpoint is not open to the caller", request.getRequestURI())));
        return http.build();
    }

    private static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String title,
                              String detail, String instance) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://waypoint.dev/problems/" + (status == HttpStatus.UNAUTHORIZED ? "unauthorized" : "forbidden")));
        problem.setInstance(URI.create(instance));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"waypoint\"");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
