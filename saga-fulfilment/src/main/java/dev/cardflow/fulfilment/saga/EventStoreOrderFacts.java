package dev.cardflow.fulfilment.saga;

import dev.cardflow.fulfilment.process.OrderFactsSource;
import dev.cardflow.fulfilment.process.OrderSoFar;

import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The order's facts as its own event stream tells them, read through Axon's event store (the same
 * in the embedded JDBC store and behind Axon Server). Only a fulfilment that starts after the order
 * was placed asks, so this is read once per late payment, refund or retry, not per event.
 */
public class EventStoreOrderFacts implements OrderFactsSource {

    private final EventStore events;

    public EventStoreOrderFacts(EventStore events) {
        this.events = events;
    }

    @Override
    public OrderSoFar order(String orderId) {
        OrderSoFar[] order = {OrderSoFar.UNKNOWN};
        // from the first event, never from a snapshot: the facts are in OrderPlaced
        events.readEvents(orderId, 0).asStream().forEach(e -> order[0] = order[0].with(e.getPayload()));
        return order[0];
    }
}
