package dev.cardflow.order.command.order;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Whether an order was placed, asked of the event store through Axon's API: it answers the same on
 * Axon's JDBC tables and behind Axon Server, where those tables stay empty. An order exists once its
 * stream has a first event; nothing is loaded or locked.
 */
@Component
class PlacedOrders {

    private final EventStore events;

    PlacedOrders(EventStore events) {
        this.events = events;
    }

    boolean placed(String orderId) {
        return events.lastSequenceNumberFor(orderId).isPresent();
    }
}
