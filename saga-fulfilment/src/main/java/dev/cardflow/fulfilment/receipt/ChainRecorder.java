package dev.cardflow.fulfilment.receipt;

import dev.cardflow.api.order.OrderMessage;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records each order event's chain digest as it is appended, so that a later rewrite of the stored
 * event is found by comparing. Deliberately not a rebuildable projection: replaying it over a
 * rewritten store would record the rewrite.
 */
@ProcessingGroup(ChainRecorder.PROCESSOR)
public class ChainRecorder {

    public static final String PROCESSOR = "order-chain";

    private final OrderChain chain;
    private final ChainDigests digests;
    private final EventStore events;

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
        Optional<String> previous = sequence == 0
                ? Optional.of(OrderChain.genesis(orderId))
                : digests.recorded(orderId, sequence - 1);
        if (previous.isPresent()) {
            digests.record(orderId, List.of(chain.link(previous.get(), event)));
            return;
        }
        // the links before this one were never recorded (events older than the chain): chain them from the store
        List<DomainEventMessage<?>> history = new ArrayList<>();
        events.readEvents(orderId, 0).forEachRemaining(e -> {
            if (e.getSequenceNumber() <= sequence) {
                history.add(e);
            }
        });
        digests.record(orderId, chain.of(orderId, history));
    }
}
