package dev.cardflow.infrastructure.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every event processor with its position, and the rebuild of a projection: its processor is
 * stopped, its tokens reset (its reset handler empties its tables), and it replays the event store
 * from the start while the rest of the platform keeps running.
 */
public class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    /**
     * One segment of a streaming processor. It counts as replaying until it has caught up with the
     * head of the event store (Axon keeps a replay token past that point until a newer event comes).
     */
    public record Segment(int segment, Long position, boolean replaying, boolean caughtUp) {
    }

    /** A processor and where it stands. */
    public record ProcessorState(String name, String mode, boolean running, boolean replaying, boolean rebuildable,
                                 List<Segment> segments) {
    }

    private final EventProcessingConfiguration processing;
    private final Set<String> projections;

    public Projections(EventProcessingConfiguration processing, List<Projection> projections) {
        this.processing = processing;
        this.projections = projections.stream().map(Projection::name).collect(Collectors.toSet());
    }

    public List<ProcessorState> states() {
        return new TreeMap<>(processing.eventProcessors()).values().stream().map(this::state).toList();
    }

    public boolean isRebuildable(String name) {
        return projections.contains(name) && processing.eventProcessor(name, StreamingEventProcessor.class).isPresent();
    }

    /** Resets {@code name} and replays it; returns at once, the replay goes on in the processor's threads. */
    public ProcessorState rebuild(String name) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("no streaming processor " + name));
        log.warn("Rebuilding projection {}: stopping, resetting its tokens, replaying from the start", name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return state(processor);
    }

    private ProcessorState state(EventProcessor processor) {
        if (processor instanceof StreamingEventProcessor streaming) {
            Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
            List<Segment> segments = status.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> new Segment(e.getKey(), e.getValue().getCurrentPosition().stream().boxed()
                            .findFirst().orElse(null), e.getValue().isReplaying() && !e.getValue().isCaughtUp(),
                            e.getValue().isCaughtUp()))
                    .sorted(Comparator.comparingInt(Segment::segment))
                    .toList();
            return new ProcessorState(processor.getName(), processor.getClass().getSimpleName(),
                    streaming.isRunning(), segments.stream().anyMatch(Segment::replaying),
                    isRebuildable(processor.getName()), segments);
        }
        String mode = processor instanceof SubscribingEventProcessor ? "SubscribingEventProcessor"
                : processor.getClass().getSimpleName();
        return new ProcessorState(processor.getName(), mode, true, false, false, List.of());
    }
}
