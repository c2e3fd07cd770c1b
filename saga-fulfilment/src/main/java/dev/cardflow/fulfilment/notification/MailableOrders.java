package dev.cardflow.fulfilment.notification;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Optional;

/** Reads an order for a mail from its own event stream (the same in the JDBC store and behind Axon Server). */
public interface MailableOrders {

    Optional<MailableOrder> find(String orderId);

    static MailableOrders from(EventStore events) {
        return orderId -> Optional.ofNullable(MailableOrder.of(
                events.readEvents(orderId, 0).asStream().map(EventMessage::getPayload).toList()));
    }
}
