package dev.cardflow.infrastructure.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where spans go ({@code cardflow.tracing.*}). Sampling is Spring Boot's
 * {@code management.tracing.sampling.probability} (1.0 in cardflow).
 *
 * @param otlpEndpoint       the OTLP/HTTP base URL ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, e.g.
 *                           {@code http://collector:4318}); spans are posted to {@code <base>/v1/traces}.
 *                           Empty (the default): no spans are exported.
 * @param otlpTracesEndpoint the full URL for spans ({@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}); wins over
 *                           {@code otlpEndpoint}. Empty by default.
 */
@ConfigurationProperties("cardflow.tracing")
public record TracingProperties(@DefaultValue("") String otlpEndpoint, @DefaultValue("") String otlpTracesEndpoint) {

    /** The URL spans are posted to, or {@code null} when none is configured (nothing is exported). */
    public String tracesUrl() {
        if (otlpTracesEndpoint != null && !otlpTracesEndpoint.isBlank()) {
            return otlpTracesEndpoint.strip();
        }
        if (otlpEndpoint != null && !otlpEndpoint.isBlank()) {
            String base = otlpEndpoint.strip();
            return (base.endsWith("/") ? base : base + "/") + "v1/traces";
        }
        return null;
    }
}
