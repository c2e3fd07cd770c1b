package dev.cardflow.infrastructure.mode;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The mode as settings, and in production the filter that keeps every simulator path unanswered. */
@AutoConfiguration
@EnableConfigurationProperties(ModeSettings.class)
public class ModeConfiguration {

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnProperty(name = ModeReadiness.MODE, havingValue = "production")
    public SimulatorsUnmounted simulatorsUnmounted() {
        return new SimulatorsUnmounted();
    }
}
