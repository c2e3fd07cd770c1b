package dev.cardflow.infrastructure.operations;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProcessorLagTest {

    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final List<TrackingEventProcessor> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(TrackingEventProcessor::shutDown);
        events.shutDown();
    }

    @Test
    void aProcessorStuckOnAnEventLagsByThatEventsAgeAndOneThatKeptUpDoesNot() {
        events.publish(GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage("poison"),
                GenericEventMessage.asEventMessage("third"));
        TrackingEventProcessor stuck = processor("stuck", new Object() {
            @EventHandler
            void on(String event) {
                if (event.equals("poison")) {
                    throw new IllegalStateException("cannot handle " + event);
                }
            }
        });
        TrackingEventProcessor keptUp = processor("kept-up", new Object() {
            @EventHandler
            void on(String event) {
            }
        });
        // seen from 90 seconds in the future, the poison event (published just now) is 90 seconds old
        ProcessorLag lag = new ProcessorLag(processing(stuck, keptUp), events,
                Clock.offset(Clock.systemUTC(), Duration.ofSeconds(90)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(stuck.processingStatus().values()).allMatch(s -> s.isErrorState());
            assertThat(lag.seconds("kept-up")).isZero();
        });
        assertThat(lag.seconds("stuck")).isBetween(89.0, 100.0);
    }

    @Test
    void aProcessorThisInstanceRunsNoSegmentOfIsReportedAsUnknown() {
        TrackingEventProcessor idle = TrackingEventProcessor.builder().name("idle")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Object()).build())
                .messageSource(events).tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE).build();
        ProcessorLag lag = new ProcessorLag(processing(idle), events, Clock.systemUTC());

        assertThat(lag.seconds("idle")).isNaN();
        assertThat(lag.seconds("no-such-processor")).isNaN();
    }

    @Test
    void everyStreamingProcessorGetsItsOwnGauge() {
        TrackingEventProcessor keptUp = processor("kept-up", new Object() {
            @EventHandler
            void on(String event) {
            }
        });
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new ProcessorLag(processing(keptUp), events, Clock.systemUTC()).register(meters);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                meters.get(ProcessorLag.METER).tag("processor", "kept-up").gauge().value()).isZero());
    }

    private TrackingEventProcessor processor(String name, Object handler) {
        TrackingEventProcessor processor = TrackingEventProcessor.builder().name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler)
                        // a failing handler stops the segment (as the platform's dead-letter-less processors do)
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                .messageSource(events).tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE).build();
        processor.start();
        started.add(processor);
        return processor;
    }

    private static EventProcessingConfiguration processing(TrackingEventProcessor... processors) {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        Map<String, EventProcessor> byName = new java.util.HashMap<>();
        for (TrackingEventProcessor p : processors) {
            byName.put(p.getName(), p);
        }
        when(processing.eventProcessors()).thenReturn(byName);
        when(processing.eventProcessor(anyString(), eq(StreamingEventProcessor.class))).thenAnswer(call ->
                Optional.ofNullable((StreamingEventProcessor) byName.get(call.<String>getArgument(0))));
        return processing;
    }
}
