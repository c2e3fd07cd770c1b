package dev.cardflow.order.query.order;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.inventory.StockReserved;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.BuyerNotificationFailed;
import dev.cardflow.api.order.BuyerNotified;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderReinstated;
import dev.cardflow.api.order.OrderStatusView;
import dev.cardflow.api.order.OrderStatusView.TimelineEntry;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentFailed;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.infrastructure.testing.TestDatabase;

import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.cardflow.api.order.OrderStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** What the buyer's order page and the console read, projected from events into PostgreSQL. */
class OrderStatusProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Money PRICE = Money.of("9.90", "EUR");
    private static final List<SealedCardKey> KEYS = List.of(new SealedCardKey("fp-1", "v1:cipher-1"));

    private static TestDatabase.Migrated database;
    private static OrderStatusStore store;
    private static OrderStatusProjection projection;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated("classpath:db/migration/query");
        store = new OrderStatusStore(database.jdbc());
        projection = new OrderStatusProjection(store, SimpleQueryUpdateEmitter.builder().build());
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void aPlacedOrderShowsWhatWasOrderedAndOneTimelineEntry() {
        String order = place();

        OrderStatusView view = store.find(order).orElseThrow();
        assertThat(view.status()).isEqualTo(PLACED);
        assertThat(view.productName()).isEqualTo("Steam 10 EUR");
        assertThat(view.quantity()).isEqualTo(2);
        assertThat(view.amount()).isEqualTo("19.80");
        assertThat(view.currency()).isEqualTo("EUR");
        assertThat(view.timeline()).extracting(TimelineEntry::code).containsExactly("placed");
        assertThat(view.placedAt()).isEqualTo(T0);
    }

    @Test
    void anOrderWaitingForPaymentShowsWhereAndUntilWhenToPay() {
        String order = place();
        Instant payBy = T0.plus(Duration.ofMinutes(15));
        projection.on(new PaymentRequested(order, "pay-1", "https://psp.test/pay/pay-1", payBy), T0.plusSeconds(1));

        OrderStatusView view = store.find(order).orElseThrow();
        assertThat(view.status()).isEqualTo(PENDING_PAYMENT);
        assertThat(view.paymentId()).isEqualTo("pay-1");
        assertThat(view.payUrl()).isEqualTo("https://psp.test/pay/pay-1");
        assertThat(view.payBy()).isEqualTo(payBy);
        assertThat(view.statusSince()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void aStepThatKeepsTheStatusIsInTheTimelineWithTheCurrentStatusAndLeavesStatusSinceAlone() {
        String order = place();
        projection.on(new PaymentRequested(order, "pay-1", "https://psp.test/pay/pay-1", T0.plusSeconds(900)),
                T0.plusSeconds(1));
        projection.on(new PaymentFailed(order, "pay-1", "evt-1"), T0.plusSeconds(5));

        OrderStatusView view = store.find(order).orElseThrow();
        assertThat(view.status()).isEqualTo(PENDING_PAYMENT);
        assertThat(view.statusSince()).isEqualTo(T0.plusSeconds(1));
        assertThat(view.timeline()).extracting(TimelineEntry::code, TimelineEntry::status).containsExactly(
                tuple("placed", PLACED),
                tuple("awaiting-payment", PENDING_PAYMENT),
                tuple("payment-failed", PENDING_PAYMENT));
    }

    @Test
    void aDeliveredOrderCarriesItsSealedKeysAndEveryStepInOrder() {
        String order = place();
        projection.on(new PaymentRequested(order, "pay-1", "https://psp.test/pay/pay-1", T0.plusSeconds(900)),
                T0.plusSeconds(1));
        projection.on(new StockReserved("p-1", order, KEYS), T0.plusSeconds(2));
        projection.on(new PaymentConfirmed(order, "trade-1", "evt-1", PRICE), T0.plusSeconds(3), "psp-notification");
        projection.on(new OrderDelivered(order, KEYS, "buyer@example.com"), T0.plusSeconds(4));

        OrderStatusView view = store.find(order).orElseThrow();
        assertThat(view.status()).isEqualTo(DELIVERED);
        assertThat(view.paymentId()).as("the provider's own id once paid").isEqualTo("trade-1");
        assertThat(view.cardKeys()).isEqualTo(KEYS);
        assertThat(view.timeline()).extracting(TimelineEntry::code)
                .containsExactly("placed", "awaiting-payment", "stock-reserved", "payment-confirmed", "delivered");
        assertThat(view.version()).isEqualTo(5);
    }

    @Test
    void theBuyersMailIsOnTheTimelineFirstFailedThenSentWithoutChangingTheStatus() {
        String order = place();
        projection.on(new OrderDelivered(order, KEYS, "buyer@example.com"), T0.plusSeconds(4));
        projection.on(new BuyerNotificationFailed(order, "delivered", "delivered", "connection refused"),
                T0.plusSeconds(5));
        projection.on(new BuyerNotified(order, "delivered", "delivered"), T0.plusSeconds(30));

        OrderStatusView view = store.find(order).orElseThrow();
        assertThat(view.status()).isEqualTo(DELIVERED);
        assertThat(view.timeline()).extracting(TimelineEntry::code, TimelineEntry::status).endsWith(
                tuple("notification-failed", DELIVERED),
                tuple("notification-sent", DELIVERED));
        assertThat(view.timeline().get(view.timeline().size() - 1).data()).containsEntry("kind", "delivered");
    }

    @Test
    void aReinstatedOrderNoLongerShowsWhyItWasCancelled() {
        String order = place();
        projection.on(new OrderCancelled(order, "payment not received in time"), T0.plusSeconds(1));
        assertThat(store.find(order).orElseThrow().reason()).isEqualTo("payment not received in time");

        projection.on(new OrderReinstated(order), T0.plusSeconds(2));

        OrderStatusView view = store.find(order).orElseThrow();
        assertThat(view.status()).isEqualTo(PAID);
        assertThat(view.reason()).isNull();
    }

    @Test
    void aPlacementSeenTwiceStaysOneOrder() {
        String order = place();
        projection.on(placed(order), T0.plusSeconds(10));

        assertThat(store.find(order).orElseThrow().timeline()).hasSize(1);
    }

    @Test
    void anOrderLongerInItsStatusThanItsCutoffIsStuck() {
        String waiting = place();
        projection.on(new PaymentRequested(waiting, "pay-1", "https://psp.test/pay/pay-1", T0.plusSeconds(900)),
                T0.plusSeconds(1));
        Instant cutoff = T0.plus(1, ChronoUnit.MINUTES);

        assertThat(store.stuck(Map.of(PENDING_PAYMENT, cutoff), 0, 1000))
                .extracting(OrderStatusView::orderId).contains(waiting);
        assertThat(store.stuck(Map.of(PENDING_PAYMENT, T0), 0, 1000))
                .extracting(OrderStatusView::orderId).doesNotContain(waiting);
    }

    private static String place() {
        String order = UUID.randomUUID().toString();
        projection.on(placed(order), T0);
        return order;
    }

    private static OrderPlaced placed(String order) {
        return new OrderPlaced(order, "p-1", "Steam 10 EUR", 2, PRICE, Money.of("19.80", "EUR"), ProductSource.POOL,
                null, "buyer@example.com", "fingerprint");
    }
}
