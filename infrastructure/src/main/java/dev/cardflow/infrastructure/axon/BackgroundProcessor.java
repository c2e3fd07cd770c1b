package dev.cardflow.infrastructure.axon;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An event processor off the order's critical path (metrics, the receipts' chain, mail, alerts): a
 * pooled streaming processor with one segment on one worker thread. Unlike a tracking processor,
 * which writes its token after every event the platform appends — handled or not — it writes its
 * token only after a batch it handled, or every few seconds to keep its claim; and it reads the
 * stream on its own rhythm, so a busy platform gives it larger batches. The price is a little
 * latency (it polls the event store), which none of these users notice.
 */
public final class BackgroundProcessor {

    private BackgroundProcessor() {
    }

    /** Starts at the head of the event stream: the past is not handled again by a new deployment. */
    public static ConfigurerModule fromHead(String name, int batchSize) {
        return register(name, batchSize, StreamableMessageSource::createHeadToken);
    }

    /** Starts at the beginning of the event stream. */
    public static ConfigurerModule fromTail(String name, int batchSize) {
        return register(name, batchSize, StreamableMessageSource::createTailToken);
    }

    private static ConfigurerModule register(String name, int batchSize,
            Function<StreamableMessageSource<TrackedEventMessage<?>>, TrackingToken> initialToken) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessor(name,
                Configuration::eventStore,
                (config, builder) -> builder
                        .initialSegmentCount(1)
                        .batchSize(batchSize)
                        .initialToken(initialToken)
                        .coordinatorExecutor(processor -> Executors.newScheduledThreadPool(1,
                                new AxonThreadFactory("Coordinator[" + processor + "]")))
                        .workerExecutor(processor -> Executors.newScheduledThreadPool(1,
                                new AxonThreadFactory("WorkPackage[" + processor + "]"))));
    }
}
