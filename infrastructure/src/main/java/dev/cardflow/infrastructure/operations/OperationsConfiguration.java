package dev.cardflow.infrastructure.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The operators' handles on Axon's processors: dead letters and projection rebuilds. */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnBean(EventProcessingConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Import({DeadLetterController.class, ProjectionController.class})
public class OperationsConfiguration {

    @Bean
    public Projections projections(EventProcessingConfiguration processing, ObjectProvider<Projection> declared) {
        return new Projections(processing, declared.orderedStream().toList());
    }

    @Bean
    public DeadLetters deadLetters(EventProcessingConfiguration processing) {
        return new DeadLetters(processing);
    }
}
