package dev.cardflow.platform.api;

import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description at {@code /v3/api-docs} (everything) and by audience: {@code /v3/api-docs/public} (buyers,
 * storefronts, payment providers), {@code /v3/api-docs/admin} (operators) and, in demo mode only,
 * {@code /v3/api-docs/simulators}; the Swagger UI at {@code /swagger-ui.html} offers each.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentationConfiguration {

    @Bean
    ApiDescription apiDescription() {
        return new ApiDescription();
    }

    @Bean
    GroupedOpenApi publicApi(ApiDescription description) {
        return GroupedOpenApi.builder().group("public").displayName("Public API (buyers, storefronts, providers)")
                .pathsToMatch("/api/**").addOpenApiCustomizer(description).build();
    }

    @Bean
    GroupedOpenApi adminApi(ApiDescription description) {
        return GroupedOpenApi.builder().group("admin").displayName("Admin API (operators)")
                .pathsToMatch("/admin/api/**").addOpenApiCustomizer(description).build();
    }

    @Bean
    @ConditionalOnProperty(prefix = "cardflow", name = "mode", havingValue = "demo", matchIfMissing = true)
    GroupedOpenApi simulatorsApi() {
        return GroupedOpenApi.builder().group("simulators").displayName("Simulators (demo mode only)")
                .pathsToMatch("/simulator/**").build();
    }
}
