package dev.cardflow.fulfilment.notification;

import dev.cardflow.infrastructure.runtime.PeriodicWork;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import java.time.Duration;
import java.util.List;

/**
 * Tries the parked buyer mails again every {@code interval} while the mail service refuses them, each
 * parked order once per round, oldest first; one that goes out leaves the queue.
 */
public class MailRetries extends PeriodicWork {

    private final EventProcessingConfiguration processing;
    private final Duration interval;

    public MailRetries(EventProcessingConfiguration processing, Duration interval) {
        super("buyer-mail-retries");
        this.processing = processing;
        this.interval = interval;
    }

    /** One round: every parked order's mails once. */
    void retryOnce() {
        var queue = processing.deadLetterQueue(BuyerNotifications.PROCESSING_GROUP);
        var processor = processing.sequencedDeadLetterProcessor(BuyerNotifications.PROCESSING_GROUP);
        if (queue.isEmpty() || processor.isEmpty()) {
            return;
        }
        long parked = queue.map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
        for (long i = 0; i < parked; i++) {
            // false: nothing left to try, or the mail service still refuses (the letter stays parked)
            processor.get().processAny();
        }
    }

    @Override
    protected List<Round> rounds() {
        return List.of(new Round("Retrying parked buyer mails", this::retryOnce, interval, interval));
    }
}
