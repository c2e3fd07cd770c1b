package dev.cardflow.fulfilment.saga;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.fulfilment.process.OrderFacts;
import dev.cardflow.fulfilment.process.OrderSoFar;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreOrderFactsTest {

    private static final Money AMOUNT = Money.of("19.80", "EUR");
    private static final Instant PAY_BY = Instant.parse("2026-03-01T10:15:00Z");

    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final EventStoreOrderFacts facts = new EventStoreOrderFacts(events);

    @Test
    void aLatePaymentFindsWhatTheOrderAskedForInTheOrdersOwnEvents() {
        store(0, new OrderPlaced("o-1", "p-1", "Steam 10 EUR", 2, Money.of("9.90", "EUR"), AMOUNT,
                ProductSource.POOL, null, "buyer@example.com", "request-1", "stripe"));
        store(1, new PaymentRequested("o-1", "cs_1", "https://checkout.test/cs_1", PAY_BY));
        store(2, new OrderCancelled("o-1", "payment not received in time"));
        store(3, new PaymentReceivedAfterCancellation("o-1", "cs_1", "evt-1", AMOUNT));

        assertThat(facts.order("o-1")).isEqualTo(new OrderSoFar(new OrderFacts("o-1", "p-1", "Steam 10 EUR", 2,
                AMOUNT, ProductSource.POOL, null, "buyer@example.com", "stripe"), "cs_1", PAY_BY, AMOUNT));
    }

    @Test
    void anOrderWithoutEventsIsUnknown() {
        assertThat(facts.order("o-404").known()).isFalse();
    }

    private void store(long sequence, Object event) {
        events.publish(new GenericDomainEventMessage<>("Order", "o-1", sequence, event));
    }
}
