package dev.cardflow.fulfilment.receipt;

import dev.cardflow.api.order.OrderMessage;
import dev.cardflow.infrastructure.runtime.LruMaps;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records each order event's chain digest as it is appended, so that a later rewrite of the stored
 * event is found by comparing. Deliberately not a rebuildable projection: replaying it over a
 * rewritten store would record the rewrite.
 * <p>
 * Its processor handles events in batches: the links of a batch are written in one statement when
 * the batch commits, and a link takes its predecessor from the same batch or from the last links
 * committed for recent orders (a recorded digest never changes), else from the table.
 */
@ProcessingGroup(ChainRecorder.PROCESSOR)
public class ChainRecorder {

    public static final String PROCESSOR = "order-chain";

    /** How many orders' last committed links are remembered. */
    static final int REMEMBERED_ORDERS = 50_000;

    private final OrderChain chain;
    private final ChainDigests digests;
    private final EventStore events;
    private final Map<String, OrderChain.Entry> lastCommitted = LruMaps.leastRecentlyUsed(REMEMBERED_ORDERS);

    public ChainRecorder(OrderChain chain, ChainDigests digests, EventStore events) {
        this.chain = chain;
        this.digests = digests;
        this.events = events;
    }

    @EventHandler
    void on(OrderMessage message, DomainEventMessage<?> event) {
        String orderId = event.getAggregateIdentifier();
        if (!orderId.equals(message.orderId())) {
            return; // an inventory event that names the order: not in the order's chain
        }
        long sequence = event.getSequenceNumber();
        Batch batch = batch();
        Optional<String> previous = sequence == 0
                ? Optional.of(OrderChain.genesis(orderId))
                : batch.digest(orderId, sequence - 1)
                        .or(() -> committed(orderId, sequence - 1))
                        .or(() -> digests.recorded(orderId, sequence - 1));
        if (previous.isPresent()) {
            batch.add(orderId, List.of(chain.link(previous.get(), event)));
            return;
        }
        // the links before this one were never recorded (events older than the chain): chain them from the store
        List<DomainEventMessage<?>> history = new ArrayList<>();
        events.readEvents(orderId, 0).forEachRemaining(e -> {
            if (e.getSequenceNumber() <= sequence) {
                history.add(e);
            }
        });
        batch.add(orderId, chain.of(orderId, history));
    }

    private Optional<String> committed(String orderId, long sequence) {
        OrderChain.Entry last = lastCommitted.get(orderId);
        return last != null && last.sequence() == sequence ? Optional.of(last.digest()) : Optional.empty();
    }

    /** The current batch's links: written when it commits, remembered once committed. */
    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(Batch.class.getName(), key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> digests.record(batch.links));
            unitOfWork.afterCommit(u -> batch.links.forEach((order, entries) ->
                    lastCommitted.put(order, entries.get(entries.size() - 1))));
            return batch;
        });
    }

    /** The links chained in one batch of events. */
    private static final class Batch {

        private final Map<String, List<OrderChain.Entry>> links = new HashMap<>();

        Optional<String> digest(String orderId, long sequence) {
            return links.getOrDefault(orderId, List.of()).stream()
                    .filter(e -> e.sequence() == sequence).map(OrderChain.Entry::digest).findFirst();
        }

        void add(String orderId, List<OrderChain.Entry> entries) {
            links.computeIfAbsent(orderId, id -> new ArrayList<>()).addAll(entries);
        }
    }
}
