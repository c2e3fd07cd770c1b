package dev.cardflow.api.order;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;

/**
 * The order's money is being returned; {@code refundId} makes the PSP call idempotent. It names
 * the product, since a refund may start a fulfilment of its own (an operator's refund).
 */
public record RefundRequested(String orderId, String paymentId, String refundId, Money amount, String reason,
                              String productId, ProductSource source, boolean delivered,
                              String paymentMethod) implements OrderMessage {

    /** A refund of a payment made through the bundled simulator. */
    public RefundRequested(String orderId, String paymentId, String refundId, Money amount, String reason,
                           String productId, ProductSource source, boolean delivered) {
        this(orderId, paymentId, refundId, amount, reason, productId, source, delivered, PaymentMethods.SIMULATOR);
    }

    /** The provider that is to refund (the simulator for events from before there was a choice). */
    public String method() {
        return PaymentMethods.orSimulator(paymentMethod);
    }


    /** An order is refunded at most once, so its refund is named after it. */
    public static String refundIdFor(String orderId) {
        return "rf-" + orderId;
    }
}
