package dev.cardflow.infrastructure.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/** The operators' handles on Axon's processors: dead letters, projection rebuilds and processor lag. */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnBean(EventProcessingConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Import({DeadLetterController.class, ProjectionController.class})
public class OperationsConfiguration {

    @Bean
    public Projections projections(EventProcessingConfiguration processing, ObjectProvider<Projection> declared) {
        return new Projections(processing, declared.orderedStream().toList());
    }

    /** Processor lag in seconds, registered once Axon has built its processors (they do not exist before). */
    @Bean
    public ProcessorLag processorLag(EventProcessingConfiguration processing, EventStore events) {
        return new ProcessorLag(processing, events, Clock.systemUTC());
    }

    @Bean
    public ApplicationListener<ApplicationStartedEvent> processorLagGauges(ProcessorLag lag,
                                                                           ObjectProvider<MeterRegistry> meters) {
        return started -> meters.ifAvailable(lag::register);
    }

    @Bean
    public AxonTimerPercentiles axonTimerPercentiles() {
        return new AxonTimerPercentiles();
    }

    @Bean
    public DeadLetters deadLetters(EventProcessingConfiguration processing) {
        return new DeadLetters(processing);
    }
}
