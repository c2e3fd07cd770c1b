package dev.cardflow.fulfilment.process;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;

import java.time.Instant;

/**
 * Where one order's fulfilment stands: what the process remembers between events.
 *
 * @param stage          the step the process waits on
 * @param payBy          when an unpaid order is cancelled
 * @param stockRequested whether a reservation was asked for (so a cancellation must release it)
 * @param attempts       attempts of the current retried step (payment creation, refund, key purchase)
 */
public record Fulfilment(String orderId, String productId, int quantity, Money amount, ProductSource source,
                         String sku, Stage stage, Instant payBy, String paymentId, boolean stockRequested,
                         int attempts) {

    /** The step an order's fulfilment waits on. */
    public enum Stage {
        RESERVING_STOCK, CREATING_PAYMENT, AWAITING_PAYMENT, ISSUING_KEYS, RESERVING_FOR_LATE_PAYMENT,
        REINSTATING, REFUNDING, SETTLED
    }

    Fulfilment at(Stage next) {
        return new Fulfilment(orderId, productId, quantity, amount, source, sku, next, payBy, paymentId,
                stockRequested, 0);
    }

    Fulfilment withPayment(String id) {
        return new Fulfilment(orderId, productId, quantity, amount, source, sku, stage, payBy, id, stockRequested,
                attempts);
    }

    Fulfilment withStockRequested() {
        return new Fulfilment(orderId, productId, quantity, amount, source, sku, stage, payBy, paymentId, true,
                attempts);
    }

    Fulfilment nextAttempt() {
        return new Fulfilment(orderId, productId, quantity, amount, source, sku, stage, payBy, paymentId,
                stockRequested, attempts + 1);
    }

    boolean isPool() {
        return source == ProductSource.POOL;
    }
}
