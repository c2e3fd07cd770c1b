package dev.cardflow.infrastructure.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * How far behind each streaming event processor is, as the gauge
 * {@code cardflow.processor.lag{processor}} in seconds: the age of the oldest event that one of
 * this instance's segments has not read yet (the first event after the segment's token), 0 when
 * every segment is at the head of the event store. An instance that holds no segment of a
 * processor reports NaN for it, so {@code max by (processor)} over instances is the processor's lag.
 */
public class ProcessorLag {

    public static final String METER = "cardflow.processor.lag";

    private static final Logger log = LoggerFactory.getLogger(ProcessorLag.class);
    /** How long to wait for the first unread event of a lagging segment when opening a stream. */
    private static final long PEEK_MILLIS = 500;

    private final EventProcessingConfiguration processing;
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final Clock clock;

    public ProcessorLag(EventProcessingConfiguration processing, StreamableMessageSource<TrackedEventMessage<?>> events,
                        Clock clock) {
        this.processing = processing;
        this.events = events;
        this.clock = clock;
    }

    /** Registers one gauge per streaming processor; call once Axon's processors exist. */
    public void register(MeterRegistry meters) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                Gauge.builder(METER, () -> seconds(name))
                        .description("Age of the oldest event the processor has not handled yet")
                        .baseUnit("seconds")
                        .tag("processor", name)
                        .register(meters);
            }
        });
    }

    /** The lag of processor {@code name} in seconds; NaN when this instance processes none of its segments. */
    public double seconds(String name) {
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(name, StreamingEventProcessor.class);
        if (processor.isEmpty() || processor.get().processingStatus().isEmpty()) {
            return Double.NaN;
        }
        Instant now = clock.instant();
        TrackingToken headToken = events.createHeadToken();
        OptionalLong head = headToken == null ? OptionalLong.empty() : headToken.position();
        Duration worst = Duration.ZERO;
        for (EventTrackerStatus status : processor.get().processingStatus().values()) {
            Optional<Instant> unread = oldestUnread(status, head);
            if (unread.isPresent() && unread.get().isBefore(now.minus(worst))) {
                worst = Duration.between(unread.get(), now);
            }
        }
        return worst.toMillis() / 1000.0;
    }

    private Optional<Instant> oldestUnread(EventTrackerStatus status, OptionalLong head) {
        // a replaying segment's own position is the lower bound of its replay token
        TrackingToken token = WrappedToken.unwrapLowerBound(status.getTrackingToken());
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        if (position.isPresent() && head.isPresent() && position.getAsLong() >= head.getAsLong()) {
            return Optional.empty();
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(token)) {
            if (stream.hasNextAvailable((int) PEEK_MILLIS, TimeUnit.MILLISECONDS)) {
                return stream.peek().map(TrackedEventMessage::getTimestamp);
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException e) {
            log.debug("Could not read the event after segment {}'s token", status.getSegment().getSegmentId(), e);
            return Optional.empty();
        }
    }
}
