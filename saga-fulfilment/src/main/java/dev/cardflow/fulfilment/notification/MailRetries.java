package dev.cardflow.fulfilment.notification;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tries the parked buyer mails again every {@code interval} while the mail service refuses them, each
 * parked order once per round, oldest first; one that goes out leaves the queue.
 */
public class MailRetries implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailRetries.class);

    private final EventProcessingConfiguration processing;
    private final Duration interval;
    private ScheduledExecutorService timer;

    public MailRetries(EventProcessingConfiguration processing, Duration interval) {
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

    private void round() {
        try {
            retryOnce();
        } catch (RuntimeException e) {
            log.warn("Retrying parked buyer mails failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "buyer-mail-retries");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::round, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** After Axon's processors (which start in an earlier phase). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
