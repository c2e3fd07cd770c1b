package dev.cardflow.order.query.order;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderReinstated;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.infrastructure.axon.Origin;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators read about the orders' stages, timed from the order's events. */
class OrderStageMetricsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Money PRICE = Money.of("9.90", "EUR");
    private static final List<SealedCardKey> KEYS = List.of(new SealedCardKey("fp-1", "v1:cipher-1"));

    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final OrderStageMetrics metrics = new OrderStageMetrics(events, meters);
    private long sequence;

    @AfterEach
    void stop() {
        events.shutDown();
    }

    @Test
    void aDeliveredOrderIsTimedPerStageAndCountedAsSettledDelivered() {
        String order = "o-delivered";
        stored(order, place(order), T0);
        PaymentRequested requested = new PaymentRequested(order, "pay-1", "https://psp.test/pay/pay-1",
                T0.plusSeconds(900));
        metrics.on(requested, T0.plusSeconds(2), stored(order, requested, T0.plusSeconds(2)));
        PaymentConfirmed paid = new PaymentConfirmed(order, "pay-1", "evt-1", PRICE);
        metrics.on(paid, T0.plusSeconds(32), stored(order, paid, T0.plusSeconds(32)), Origin.PSP_NOTIFICATION);
        OrderDelivered delivered = new OrderDelivered(order, KEYS, "buyer@example.com");
        metrics.on(delivered, T0.plusSeconds(35), stored(order, delivered, T0.plusSeconds(35)));

        assertThat(seconds(stage(OrderStageMetrics.PLACED_TO_PAYABLE))).isEqualTo(2.0);
        assertThat(seconds(stage(OrderStageMetrics.PAID_TO_DELIVERED))).isEqualTo(3.0);
        assertThat(seconds(stage(OrderStageMetrics.PLACED_TO_SETTLED))).isEqualTo(35.0);
        assertThat(seconds(notificationDelay("notification"))).isEqualTo(30.0);
        assertThat(settled("DELIVERED")).isEqualTo(1.0);
        assertThat(settled("CANCELLED")).isZero();
    }

    @Test
    void aPaymentCreatedAgainIsNotTheOrderBecomingPayableAgain() {
        String order = "o-second-payment";
        stored(order, place(order), T0);
        PaymentRequested first = new PaymentRequested(order, "pay-1", "https://psp.test/pay/pay-1", T0.plusSeconds(900));
        metrics.on(first, T0.plusSeconds(1), stored(order, first, T0.plusSeconds(1)));
        PaymentRequested second = new PaymentRequested(order, "pay-2", "https://psp.test/pay/pay-2", T0.plusSeconds(900));
        metrics.on(second, T0.plusSeconds(60), stored(order, second, T0.plusSeconds(60)));

        assertThat(stage(OrderStageMetrics.PLACED_TO_PAYABLE).count()).isEqualTo(1);
        assertThat(seconds(stage(OrderStageMetrics.PLACED_TO_PAYABLE))).isEqualTo(1.0);
    }

    @Test
    void aLatePaymentFoundByAskingTheProviderIsDeliveredFromItsReinstatement() {
        String order = "o-late";
        stored(order, place(order), T0);
        PaymentRequested requested = new PaymentRequested(order, "pay-1", "https://psp.test/pay/pay-1",
                T0.plusSeconds(900));
        metrics.on(requested, T0.plusSeconds(1), stored(order, requested, T0.plusSeconds(1)));
        OrderCancelled cancelled = new OrderCancelled(order, "payment not received in time");
        metrics.on(cancelled, T0.plusSeconds(901), stored(order, cancelled, T0.plusSeconds(901)));
        PaymentReceivedAfterCancellation late = new PaymentReceivedAfterCancellation(order, "pay-1",
                "status-check:pay-1", PRICE);
        metrics.on(late, T0.plusSeconds(1001), stored(order, late, T0.plusSeconds(1001)), Origin.PSP_STATUS_CHECK);
        OrderReinstated reinstated = new OrderReinstated(order);
        metrics.on(reinstated, T0.plusSeconds(1002), stored(order, reinstated, T0.plusSeconds(1002)));
        OrderDelivered delivered = new OrderDelivered(order, KEYS, "buyer@example.com");
        metrics.on(delivered, T0.plusSeconds(1010), stored(order, delivered, T0.plusSeconds(1010)));

        assertThat(seconds(notificationDelay("status-check"))).isEqualTo(1000.0);
        assertThat(seconds(stage(OrderStageMetrics.PAID_TO_DELIVERED))).isEqualTo(8.0);
        assertThat(settled("CANCELLED")).isEqualTo(1.0);
        assertThat(settled("DELIVERED")).isEqualTo(1.0);
        assertThat(stage(OrderStageMetrics.PLACED_TO_SETTLED).count()).isEqualTo(2);
    }

    @Test
    void everyStageAndSettledStatusIsThereBeforeTheFirstOrder() {
        assertThat(meters.find(OrderStageMetrics.STAGE).timers()).extracting(t -> t.getId().getTag("stage"))
                .containsExactlyInAnyOrder("placed-to-payable", "paid-to-delivered", "placed-to-settled");
        assertThat(meters.find(OrderStageMetrics.SETTLED).counters()).extracting(c -> c.getId().getTag("status"))
                .containsExactlyInAnyOrder("DELIVERED", "CANCELLED", "REFUNDED");
    }

    @Test
    void anOrderSeenFromItsPlacementIsTimedFromWhatPassedWithoutReadingItsHistoryAgain() {
        String order = "o-seen";
        // the placement passes the processor but is not in this store: a look-up would find nothing
        metrics.on(place(order), T0);
        sequence++;
        PaymentRequested requested = new PaymentRequested(order, "pay-1", "https://psp.test/pay/pay-1",
                T0.plusSeconds(900));
        metrics.on(requested, T0.plusSeconds(3), stored(order, requested, T0.plusSeconds(3)));
        PaymentConfirmed paid = new PaymentConfirmed(order, "pay-1", "evt-1", PRICE);
        metrics.on(paid, T0.plusSeconds(10), stored(order, paid, T0.plusSeconds(10)), Origin.PSP_NOTIFICATION);
        OrderDelivered delivered = new OrderDelivered(order, KEYS, "buyer@example.com");
        metrics.on(delivered, T0.plusSeconds(11), stored(order, delivered, T0.plusSeconds(11)));

        assertThat(seconds(stage(OrderStageMetrics.PLACED_TO_PAYABLE))).isEqualTo(3.0);
        assertThat(seconds(notificationDelay("notification"))).isEqualTo(7.0);
        assertThat(seconds(stage(OrderStageMetrics.PAID_TO_DELIVERED))).isEqualTo(1.0);
        assertThat(seconds(stage(OrderStageMetrics.PLACED_TO_SETTLED))).isEqualTo(11.0);
    }

    private Long stored(String order, Object event, Instant at) {
        long seq = sequence++;
        events.publish(new GenericDomainEventMessage<>("Order", order, seq, event, Map.of(), "m-" + order + "-" + seq,
                at));
        return seq;
    }

    private static OrderPlaced place(String order) {
        return new OrderPlaced(order, "p-1", "Steam 10 EUR", 1, PRICE, PRICE, ProductSource.POOL, null,
                "buyer@example.com", "fingerprint");
    }

    private Timer stage(String stage) {
        return meters.get(OrderStageMetrics.STAGE).tag("stage", stage).timer();
    }

    private Timer notificationDelay(String via) {
        return meters.get(OrderStageMetrics.NOTIFICATION_DELAY).tag("via", via).timer();
    }

    private double settled(String status) {
        return meters.get(OrderStageMetrics.SETTLED).tag("status", status).counter().count();
    }

    private static double seconds(Timer timer) {
        return timer.totalTime(TimeUnit.SECONDS);
    }
}
