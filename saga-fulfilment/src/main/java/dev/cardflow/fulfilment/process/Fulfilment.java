package dev.cardflow.fulfilment.process;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.order.PaymentMethods;

import java.time.Instant;

/**
 * Where one order's fulfilment stands: what the process remembers between events.
 *
 * @param stage          the step the process waits on
 * @param payBy          when an unpaid order is cancelled
 * @param stockRequested whether a reservation was asked for (so a cancellation must release it)
 * @param attempts       tries of the current retried step (payment creation or check, refund, key purchase)
 * @param expiring       the payment deadline passed and the PSP is being asked one last time
 * @param paymentMethod  the provider the buyer pays through
 * @param productName    what the buyer sees on the provider's payment page
 */
public record Fulfilment(String orderId, String productId, int quantity, Money amount, ProductSource source,
                         String sku, Stage stage, Instant payBy, String paymentId, boolean stockRequested,
                         int attempts, boolean expiring, String paymentMethod, String productName) {

    public Fulfilment {
        paymentMethod = PaymentMethods.orSimulator(paymentMethod);
    }

    /** The step an order's fulfilment waits on. */
    public enum Stage {
        RESERVING_STOCK, CREATING_PAYMENT, AWAITING_PAYMENT, ISSUING_KEYS, RESERVING_FOR_LATE_PAYMENT,
        REINSTATING, REFUNDING, REFUNDING_BY_HAND, SETTLED
    }

    /** The fulfilment of a new order. */
    static Fulfilment of(String orderId, String productId, int quantity, Money amount, ProductSource source,
                         String sku, Stage stage, Instant payBy, String paymentMethod, String productName) {
        return new Fulfilment(orderId, productId, quantity, amount, source, sku, stage, payBy, null, false, 0, false,
                paymentMethod, productName);
    }

    /** At the next step, with its tries counted afresh. */
    Fulfilment at(Stage next) {
        return new Fulfilment(orderId, productId, quantity, amount, source, sku, next, payBy, paymentId,
                stockRequested, 0, expiring, paymentMethod, productName);
    }

    Fulfilment withPayment(String id) {
        return new Fulfilment(orderId, productId, quantity, amount, source, sku, stage, payBy, id, stockRequested,
                attempts, expiring, paymentMethod, productName);
    }

    Fulfilment withAmount(Money money) {
        return new Fulfilment(orderId, productId, quantity, money, source, sku, stage, payBy, paymentId,
                stockRequested, attempts, expiring, paymentMethod, productName);
    }

    Fulfilment withStockRequested() {
        return new Fulfilment(orderId, productId, quantity, amount, source, sku, stage, payBy, paymentId, true,
                attempts, expiring, paymentMethod, productName);
    }

    Fulfilment markExpiring() {
        return new Fulfilment(orderId, productId, quantity, amount, source, sku, stage, payBy, paymentId,
                stockRequested, attempts, true, paymentMethod, productName);
    }

    Fulfilment nextAttempt() {
        return new Fulfilment(orderId, productId, quantity, amount, source, sku, stage, payBy, paymentId,
                stockRequested, attempts + 1, expiring, paymentMethod, productName);
    }

    boolean isPool() {
        return source == ProductSource.POOL;
    }

    boolean isUnpaid() {
        return stage == Stage.RESERVING_STOCK || stage == Stage.CREATING_PAYMENT || stage == Stage.AWAITING_PAYMENT;
    }
}
