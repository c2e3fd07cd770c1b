package dev.cardflow.infrastructure.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The operators' handles on Axon's processors: dead letters. */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnBean(EventProcessingConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Import(DeadLetterController.class)
public class OperationsConfiguration {

    @Bean
    public DeadLetters deadLetters(EventProcessingConfiguration processing) {
        return new DeadLetters(processing);
    }
}
