package dev.cardflow.order.command.order;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.order.OrderPlaced;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Was this order placed?" is answered by the order's own events, whichever store holds them. */
class PlacedOrdersTest {

    @Test
    void anOrderWithEventsWasPlacedAndAnUnknownIdWasNot() {
        EmbeddedEventStore events = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        Money price = Money.of("1.00", "EUR");
        events.publish(new GenericDomainEventMessage<>("Order", "o-1", 0, new OrderPlaced("o-1", "p-1", "Gift card",
                1, price, price, ProductSource.POOL, null, "buyer@example.com", "fingerprint")));
        PlacedOrders placed = new PlacedOrders(events);

        assertThat(placed.placed("o-1")).isTrue();
        assertThat(placed.placed("o-2")).isFalse();
    }
}
