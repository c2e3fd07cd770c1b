package dev.cardflow.infrastructure.tracing;

import org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.actuate.autoconfigure.tracing.otlp.Transport;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Spans over OTLP/HTTP (protobuf) to the endpoint the OpenTelemetry variables name: Spring Boot's OTLP
 * exporter, pointed at {@code OTEL_EXPORTER_OTLP_ENDPOINT}{@code /v1/traces} (or
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}). Without either, no exporter exists and nothing is sent
 * (unless {@code management.otlp.tracing.endpoint} is set, Spring Boot's own way).
 */
@AutoConfiguration(before = OtlpTracingAutoConfiguration.class)
@ConditionalOnClass(OtlpTracingConnectionDetails.class)
@EnableConfigurationProperties(TracingProperties.class)
public class OtlpExportConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @Conditional(EndpointConfigured.class)
    public OtlpTracingConnectionDetails otlpTracingConnectionDetails(TracingProperties tracing) {
        String url = tracing.tracesUrl();
        return transport -> transport == Transport.GRPC && tracing.otlpTracesEndpoint().isBlank()
                ? tracing.otlpEndpoint().strip()
                : url;
    }

    /** True when an OTLP endpoint for spans is configured. */
    static class EndpointConfigured extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = Binder.get(context.getEnvironment()).bind("cardflow.tracing", TracingProperties.class)
                    .map(TracingProperties::tracesUrl)
                    .orElse(null);
            return url == null
                    ? ConditionOutcome.noMatch("no OTLP endpoint for spans (OTEL_EXPORTER_OTLP_ENDPOINT) is set")
                    : ConditionOutcome.match("spans are exported to " + url);
        }
    }
}
