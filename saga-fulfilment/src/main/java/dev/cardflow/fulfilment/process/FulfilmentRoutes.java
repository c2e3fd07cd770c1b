package dev.cardflow.fulfilment.process;

import dev.cardflow.api.inventory.StockIssued;
import dev.cardflow.api.inventory.StockReleased;
import dev.cardflow.api.inventory.StockReservationRejected;
import dev.cardflow.api.inventory.StockReserved;
import dev.cardflow.api.order.CardPurchaseFailed;
import dev.cardflow.api.order.BuyerNotificationFailed;
import dev.cardflow.api.order.BuyerNotified;
import dev.cardflow.api.order.DeliveryNotificationRequested;
import dev.cardflow.api.order.FulfilmentRetryRequested;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderRefunded;
import dev.cardflow.api.order.OrderReinstated;
import dev.cardflow.api.order.PaymentCheckRequested;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PaymentFailed;
import dev.cardflow.api.order.PaymentReceivedAfterCancellation;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.api.order.RefundFailed;
import dev.cardflow.api.order.RefundRequested;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one routing table from a stored event to what the fulfilment reacts to, used by the saga and
 * by the replay audit alike. An event about an order is either routed here or listed as ignored
 * ({@code FulfilmentRoutingTest} fails for one that is neither).
 */
public final class FulfilmentRoutes {

    private static final Map<Class<?>, Function<Object, FulfilmentInput>> ROUTES = new HashMap<>();

    static {
        route(OrderPlaced.class, FulfilmentInput.Placed::new);
        route(StockReserved.class, FulfilmentInput.StockHeld::new);
        route(StockReservationRejected.class, FulfilmentInput.StockRefused::new);
        route(PaymentRequested.class, FulfilmentInput.PaymentCreated::new);
        route(PaymentConfirmed.class, FulfilmentInput.Paid::new);
        route(PaymentCheckRequested.class, FulfilmentInput.CheckAsked::new);
        route(PaymentReceivedAfterCancellation.class, FulfilmentInput.PaidLate::new);
        route(OrderReinstated.class, FulfilmentInput.Reinstated::new);
        route(StockIssued.class, FulfilmentInput.KeysIssued::new);
        route(CardPurchaseFailed.class, FulfilmentInput.PurchaseFailed::new);
        route(OrderDelivered.class, FulfilmentInput.Delivered::new);
        route(RefundRequested.class, FulfilmentInput.RefundAsked::new);
        route(OrderRefunded.class, FulfilmentInput.Refunded::new);
        route(OrderCancelled.class, FulfilmentInput.Cancelled::new);
        route(FulfilmentRetryRequested.class, FulfilmentInput.RetryAsked::new);
    }

    /**
     * Events about an order that change nothing in its fulfilment: a failed attempt to pay (the buyer
     * may still pay), a repeated notification, a refund left to an operator (the process already waits
     * for that), a release of stock (the fulfilment's own compensation), the buyer's mails (sent after the fact).
     */
    public static final Set<Class<?>> IGNORED = Set.of(PaymentFailed.class, DeliveryNotificationRequested.class,
            RefundFailed.class, StockReleased.class, BuyerNotified.class, BuyerNotificationFailed.class);

    private FulfilmentRoutes() {
    }

    private static <E> void route(Class<E> type, Function<E, FulfilmentInput> input) {
        ROUTES.put(type, event -> input.apply(type.cast(event)));
    }

    /** What the fulfilment reacts to in {@code event}; empty for an event it ignores. */
    public static Optional<FulfilmentInput> route(Object event) {
        Function<Object, FulfilmentInput> input = ROUTES.get(event.getClass());
        return input == null ? Optional.empty() : Optional.of(input.apply(event));
    }

    /** The event types that reach the fulfilment. */
    public static Set<Class<?>> routed() {
        return Set.copyOf(ROUTES.keySet());
    }
}
