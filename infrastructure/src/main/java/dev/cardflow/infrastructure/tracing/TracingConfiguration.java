package dev.cardflow.infrastructure.tracing;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The W3C trace context through Axon's messages ({@link AxonTracing}) wherever Spring Boot's tracing is on:
 * a correlation data provider, dispatch interceptors on the command bus, the event bus and the deadline
 * manager; handler interceptors on the command bus, every event processor and the deadline manager. Nothing else of Axon is traced
 * (no token claims, no polls, no queries).
 */
@AutoConfiguration(after = {ObservationAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
        OpenTelemetryTracingAutoConfiguration.class})
@ConditionalOnClass({Tracer.class, ConfigurerModule.class})
@ConditionalOnBean({Tracer.class, Propagator.class, ObservationRegistry.class})
public class TracingConfiguration {

    @Bean
    public AxonTracing axonTracing(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
        return new AxonTracing(tracer, propagator, observations);
    }

    /**
     * Interceptors registered by hand (not as interceptor beans) so each bus gets them exactly once; as a
     * bean, {@link AxonTracing} is also one of Axon's correlation data providers.
     */
    @Bean
    public ConfigurerModule tracingModule(AxonTracing tracing) {
        return configurer -> {
            configurer.eventProcessing(processing ->
                    processing.registerDefaultHandlerInterceptor((config, name) -> tracing.handling(name)));
            configurer.onInitialize(config -> config.onStart(Integer.MIN_VALUE, () -> {
                config.commandBus().registerDispatchInterceptor(tracing);
                config.commandBus().registerHandlerInterceptor(tracing.handling("command"));
                config.eventBus().registerDispatchInterceptor(tracing);
                config.deadlineManager().registerDispatchInterceptor(tracing);
                config.deadlineManager().registerHandlerInterceptor(tracing.handling("deadline"));
            }));
        };
    }
}
