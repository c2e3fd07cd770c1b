package dev.cardflow.infrastructure.logging;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order id and trace id in the MDC: from HTTP requests, and around every Axon handler. */
@AutoConfiguration
public class LoggingConfiguration {

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    public RequestTraceFilter requestTraceFilter() {
        return new RequestTraceFilter();
    }

    /** Registered by hand (not as interceptor beans) so each bus gets the interceptor exactly once. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ConfigurerModule.class)
    static class AxonInterceptors {

        @Bean
        public ConfigurerModule logContextModule() {
            AxonLogContext logContext = new AxonLogContext();
            return configurer -> {
                configurer.eventProcessing(processing ->
                        processing.registerDefaultHandlerInterceptor((config, name) -> logContext));
                configurer.onInitialize(config -> config.onStart(Integer.MIN_VALUE, () -> {
                    config.commandBus().registerDispatchInterceptor(logContext);
                    config.commandBus().registerHandlerInterceptor(logContext);
                    config.deadlineManager().registerDispatchInterceptor(logContext);
                    config.deadlineManager().registerHandlerInterceptor(logContext);
                }));
            };
        }
    }
}
