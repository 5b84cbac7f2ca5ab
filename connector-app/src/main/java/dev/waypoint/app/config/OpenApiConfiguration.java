package dev.waypoint.app.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs (and browsable at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI waypointOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Waypoint API").version("v1")
                        .description("Skills, evidence, readiness and learning paths. Errors are RFC 9457 problems "
                                + "with an 'errors' list naming each field and the reason."))
                .components(new Components().addSecuritySchemes("adminToken",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("The admin token: WAYPOINT_ADMIN_TOKEN, or the one printed at first start")))
                .addSecurityItem(new SecurityRequirement().addList("adminToken"));
    }
}
