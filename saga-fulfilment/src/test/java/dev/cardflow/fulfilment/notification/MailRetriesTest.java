package dev.cardflow.fulfilment.notification;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class MailRetriesTest {

    @SuppressWarnings("unchecked")
    private final SequencedDeadLetterQueue<EventMessage<?>> queue = mock(SequencedDeadLetterQueue.class);
    @SuppressWarnings("unchecked")
    private final SequencedDeadLetterProcessor<EventMessage<?>> processor = mock(SequencedDeadLetterProcessor.class);
    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);

    MailRetriesTest() {
        when(processing.deadLetterQueue(BuyerNotifications.PROCESSING_GROUP)).thenReturn(Optional.of(queue));
        when(processing.sequencedDeadLetterProcessor(BuyerNotifications.PROCESSING_GROUP))
                .thenReturn(Optional.of(processor));
    }

    @Test
    void eachRoundTriesEveryParkedOrderOnceEvenWhenTheMailServiceStillRefuses() {
        when(queue.amountOfSequences()).thenReturn(3L);
        when(processor.processAny()).thenReturn(false);

        new MailRetries(processing, Duration.ofSeconds(1)).retryOnce();

        verify(processor, times(3)).processAny();
    }

    @Test
    void nothingParkedNothingTried() {
        when(queue.amountOfSequences()).thenReturn(0L);

        new MailRetries(processing, Duration.ofSeconds(1)).retryOnce();

        verify(processor, never()).processAny();
    }
}
