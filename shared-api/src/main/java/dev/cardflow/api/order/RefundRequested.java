package dev.cardflow.api.order;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;

/**
 * The order's money is being returned; {@code refundId} makes the PSP call idempotent. It names
 * the product, since a refund may start a fulfilment of its own (an operator's refund).
 */
public record RefundRequested(String orderId, String paymentId, String refundId, Money amount, String reason,
                              String productId, ProductSource source, boolean delivered) implements OrderMessage {

    /** An order is refunded at most once, so its refund is named after it. */
    public static String refundIdFor(String orderId) {
        return "rf-" + orderId;
    }
}
