package dev.cardflow.infrastructure.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The dead letters of every event processor that has a queue (Axon's JDBC dead-letter queue):
 * events a handler kept failing on, parked with the rest of their sequence so the processor goes
 * on. Listing them and retrying them is all an operator needs; a retry that succeeds removes them.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** One parked event. */
    public record Letter(String processingGroup, String sequence, String eventId, String payloadType,
                         String aggregateId, Long aggregateSequence, Instant enqueuedAt, Instant lastTouched,
                         String causeType, String causeMessage) {
    }

    /** What a retry did. */
    public record Retry(String processingGroup, int sequencesRetried, int sequencesRecovered, long lettersLeft) {
    }

    private final EventProcessingConfiguration processing;

    public DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** The processing groups that park failing events. */
    public List<String> groups() {
        return new TreeSet<>(processing.eventProcessors().keySet()).stream()
                .filter(group -> processing.deadLetterQueue(group).isPresent())
                .toList();
    }

    public List<Letter> letters(String group) {
        List<Letter> letters = new ArrayList<>();
        queue(group).ifPresent(queue -> queue.deadLetters().forEach(sequence -> sequence.forEach(letter ->
                letters.add(toLetter(group, letter)))));
        return letters;
    }

    public long size(String group) {
        return queue(group).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /** Tries every parked sequence of {@code group} once, oldest first. */
    public Retry retry(String group) {
        var processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new IllegalArgumentException("processing group " + group + " has no dead letters"));
        long sequences = queue(group).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
        int recovered = 0;
        for (int i = 0; i < sequences; i++) {
            if (processor.processAny()) {
                recovered++;
            }
        }
        long left = size(group);
        log.info("Dead letters of {}: retried {} sequences, {} recovered, {} letters left", group, sequences,
                recovered, left);
        return new Retry(group, (int) sequences, recovered, left);
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String group) {
        return processing.deadLetterQueue(group);
    }

    private static Letter toLetter(String group, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String aggregateId = event instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null;
        Long aggregateSequence = event instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : null;
        var cause = letter.cause();
        String sequence = letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getSequenceIdentifier() : null;
        return new Letter(group, sequence, event.getIdentifier(), event.getPayloadType().getName(), aggregateId,
                aggregateSequence, letter.enqueuedAt(), letter.lastTouched(),
                cause.map(c -> c.type()).orElse(null), cause.map(c -> c.message()).orElse(null));
    }
}
