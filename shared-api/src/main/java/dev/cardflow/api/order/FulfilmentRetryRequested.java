package dev.cardflow.api.order;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;

import java.time.Instant;

/**
 * An operator asked for the order's current step to be tried again. It carries where the order
 * stands, so a fulfilment can start from it if none is running.
 */
public record FulfilmentRetryRequested(String orderId, OrderStatus status, String productId, int quantity,
                                       Money amount, ProductSource source, String sku, String paymentId,
                                       Instant payBy, String paymentMethod, String productName)
        implements OrderMessage {

    /** A retry of an order paid through the bundled simulator. */
    public FulfilmentRetryRequested(String orderId, OrderStatus status, String productId, int quantity, Money amount,
                                    ProductSource source, String sku, String paymentId, Instant payBy) {
        this(orderId, status, productId, quantity, amount, source, sku, paymentId, payBy, PaymentMethods.SIMULATOR,
                null);
    }

    public String method() {
        return PaymentMethods.orSimulator(paymentMethod);
    }
}
