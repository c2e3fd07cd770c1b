package dev.cardflow.order.query.order;

import dev.cardflow.api.inventory.StockIssued;
import dev.cardflow.api.inventory.StockReleased;
import dev.cardflow.api.inventory.StockReservationRejected;
import dev.cardflow.api.inventory.StockReserved;
import dev.cardflow.api.order.BuyerNotificationFailed;
import dev.cardflow.api.order.BuyerNotified;
import dev.cardflow.api.order.CardPurchaseFailed;
import dev.cardflow.api.order.DeliveryNotificationRequested;
import dev.cardflow.api.order.FindOrderStatus;
import dev.cardflow.api.order.FindOrdersPlaced;
import dev.cardflow.api.order.FulfilmentRetryRequested;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderRefunded;
import dev.cardflow.api.order.OrderReinstated;
import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.OrderStatusView.TimelineEntry;
import dev.cardflow.api.order.OrderStatusView;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentFailed;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.api.order.RefundFailed;
import dev.cardflow.api.order.RefundRequested;
import dev.cardflow.infrastructure.axon.Origin;
import dev.cardflow.infrastructure.axon.SavepointPerEvent;
import dev.cardflow.order.query.order.OrderStatusStore.Changes;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.cardflow.api.order.OrderStatus.*;

/**
 * Projects every event about an order into its {@code order_status} row and timeline, and pushes
 * the new view to whoever subscribed to that order. Events of the inventory that name the order
 * (its reservation, its keys) appear in its timeline too.
 */
@Component
@ProcessingGroup(OrderStatusProjection.PROCESSING_GROUP)
@SavepointPerEvent
public class OrderStatusProjection {

    public static final String PROCESSING_GROUP = "order-status";

    private final OrderStatusStore store;
    private final QueryUpdateEmitter updates;

    public OrderStatusProjection(OrderStatusStore store, QueryUpdateEmitter updates) {
        this.store = store;
        this.updates = updates;
    }

    @EventHandler
    void on(OrderPlaced e, @Timestamp Instant at) {
        store.insert(e, at, new TimelineEntry(PLACED, at, "placed", "Order received"));
        publish(e.orderId());
    }

    @EventHandler
    void on(StockReserved e, @Timestamp Instant at) {
        advanceKeepingStatus(e.orderId(), at, "stock-reserved",
                e.keys().size() == 1 ? "Your card key is reserved" : e.keys().size() + " card keys are reserved",
                Map.of("quantity", e.keys().size()));
    }

    @EventHandler
    void on(StockReservationRejected e, @Timestamp Instant at) {
        advanceKeepingStatus(e.orderId(), at, "out-of-stock",
                "Not enough keys in stock (" + e.available() + " left, " + e.requested() + " asked)",
                Map.of("available", e.available(), "requested", e.requested()));
    }

    @EventHandler
    void on(PaymentRequested e, @Timestamp Instant at) {
        advance(e.orderId(), at, PENDING_PAYMENT, "awaiting-payment", "Waiting for your payment",
                Changes.none().paymentId(e.paymentId()).payUrl(e.payUrl()).payBy(e.expiresAt()));
    }

    @EventHandler
    void on(PaymentFailed e, @Timestamp Instant at) {
        advanceKeepingStatus(e.orderId(), at, "payment-failed", "A payment attempt failed; you can try again");
    }

    @EventHandler
    void on(PaymentConfirmed e, @Timestamp Instant at, @MetaDataValue(Origin.ORIGIN) String origin) {
        String detail = Origin.OPERATOR_ACTION.equals(origin) ? "Payment confirmed by our staff" : "Payment confirmed";
        store.advance(e.orderId(), at, new TimelineEntry(PAID, at, "payment-confirmed", detail, Map.of()),
                Changes.none().paymentId(e.paymentId()));
        awaitOperatorIfManual(e.orderId(), at);
        publish(e.orderId());
    }

    /**
     * A paid MANUAL order waits for an operator to deliver it by hand: the buyer sees so. Written with the entry
     * that made the order PAID, before the view is published: the live stream sends one update per status.
     */
    private void awaitOperatorIfManual(String orderId, Instant at) {
        store.advanceIfManual(orderId, at, new TimelineEntry(null, at, "awaiting-operator",
                "Waiting for the shop to deliver your order", Map.of()));
    }

    @EventHandler
    void on(FulfilmentRetryRequested e, @Timestamp Instant at) {
        advanceKeepingStatus(e.orderId(), at, "retry-requested", "Our staff asked to try the current step again");
    }

    @EventHandler
    void on(DeliveryNotificationRequested e, @Timestamp Instant at) {
        advanceKeepingStatus(e.orderId(), at, "notification-resent", "The delivery notification was sent again");
    }

    @EventHandler
    void on(BuyerNotified e, @Timestamp Instant at) {
        advanceKeepingStatus(e.orderId(), at, "notification-sent", "We sent you an e-mail about this order",
                Map.of("kind", e.kind()));
    }

    @EventHandler
    void on(BuyerNotificationFailed e, @Timestamp Instant at) {
        advanceKeepingStatus(e.orderId(), at, "notification-failed",
                "Our e-mail to you could not be sent yet; we keep trying", Map.of("kind", e.kind()));
    }

    @EventHandler
    void on(PaymentReceivedAfterCancellation e, @Timestamp Instant at) {
        advanceKeepingStatus(e.orderId(), at, "late-payment",
                "Your payment arrived after the order was cancelled; checking stock");
    }

    @EventHandler
    void on(OrderReinstated e, @Timestamp Instant at) {
        store.advance(e.orderId(), at, new TimelineEntry(PAID, at, "reinstated",
                "Order reinstated: your late payment is accepted", Map.of()), Changes.none().reason(null));
        awaitOperatorIfManual(e.orderId(), at);
        publish(e.orderId());
    }

    @EventHandler
    void on(StockIssued e, @Timestamp Instant at) {
        advanceKeepingStatus(e.orderId(), at, "keys-issued", "Card keys issued");
    }

    @EventHandler
    void on(CardPurchaseFailed e, @Timestamp Instant at) {
        String detail = e.attempt() < e.maxAttempts()
                ? "Waiting for the card supplier: attempt " + e.attempt() + " of " + e.maxAttempts()
                + " failed (" + e.reason() + "), trying again"
                : "The card suppliers could not issue your keys after " + e.maxAttempts() + " attempts";
        advanceKeepingStatus(e.orderId(), at, "supplier-retry", detail,
                Map.of("attempt", e.attempt(), "maxAttempts", e.maxAttempts(), "reason", e.reason()));
    }

    @EventHandler
    void on(OrderDelivered e, @Timestamp Instant at) {
        advance(e.orderId(), at, DELIVERED, "delivered", "Card keys delivered", Changes.none().cardKeys(e.cardKeys()).deliveredAt(at));
    }

    @EventHandler
    void on(OrderCancelled e, @Timestamp Instant at) {
        advance(e.orderId(), at, CANCELLED, "cancelled", "Order cancelled: " + e.reason(),
                Changes.none().reason(e.reason()), Map.of("reason", e.reason()));
    }

    @EventHandler
    void on(StockReleased e, @Timestamp Instant at) {
        advanceKeepingStatus(e.orderId(), at, "stock-released", "Reserved keys returned to stock");
    }

    @EventHandler
    void on(RefundRequested e, @Timestamp Instant at) {
        advance(e.orderId(), at, REFUNDING, "refunding", "Refund of " + e.amount().plain() + " "
                + e.amount().currency() + " sent: " + e.reason(), Changes.none().reason(e.reason()),
                Map.of("amount", e.amount().plain(), "currency", e.amount().currency(), "reason", e.reason()));
    }

    @EventHandler
    void on(RefundFailed e, @Timestamp Instant at) {
        advanceKeepingStatus(e.orderId(), at, "refund-failed", "The payment provider could not refund automatically;"
                + " our staff will refund you by hand", Map.of("attempts", e.attempts()));
    }

    @EventHandler
    void on(OrderRefunded e, @Timestamp Instant at) {
        advance(e.orderId(), at, REFUNDED, "refunded", "Refund completed", Changes.none().refundedAt(at));
    }

    private static boolean replaying() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().getMessage() instanceof TrackedEventMessage<?> tracked
                && ReplayToken.isReplay(tracked.trackingToken());
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }

    @QueryHandler
    public OrderStatusView handle(FindOrderStatus query) {
        return store.find(query.orderId()).orElse(null);
    }

    @QueryHandler
    public List<String> handle(FindOrdersPlaced query) {
        return store.placedBetween(query.from(), query.to(), query.limit());
    }

    private void advance(String orderId, Instant at, OrderStatus status, String code, String detail,
                         Changes changes) {
        advance(orderId, at, status, code, detail, changes, Map.of());
    }

    private void advance(String orderId, Instant at, OrderStatus status, String code, String detail,
                         Changes changes, Map<String, Object> data) {
        store.advance(orderId, at, new TimelineEntry(status, at, code, detail, data), changes);
        publish(orderId);
    }

    private void advanceKeepingStatus(String orderId, Instant at, String code, String detail) {
        advance(orderId, at, null, code, detail, Changes.none(), Map.of());
    }

    private void advanceKeepingStatus(String orderId, Instant at, String code, String detail,
                                      Map<String, Object> data) {
        advance(orderId, at, null, code, detail, Changes.none(), data);
    }

    /** Reads the row back only when somebody is subscribed to this order, and never during a rebuild. */
    private void publish(String orderId) {
        if (replaying()) {
            return;
        }
        boolean watched = updates.activeSubscriptions().stream()
                .anyMatch(s -> s.getPayload() instanceof FindOrderStatus q && q.orderId().equals(orderId));
        if (watched) {
            store.find(orderId).ifPresent(view ->
                    updates.emit(FindOrderStatus.class, q -> q.orderId().equals(orderId), view));
        }
    }
}
