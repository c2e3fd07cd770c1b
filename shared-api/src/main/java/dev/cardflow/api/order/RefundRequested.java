package dev.cardflow.api.order;

import dev.cardflow.api.common.Money;

import org.axonframework.serialization.Revision;

/**
 * The order's money ({@code amount}, paid as {@code paymentId}) is being returned; {@code refundId}
 * makes the provider's call idempotent, {@code delivered} says whether the keys had gone out (so
 * that reserved stock is released only when they had not). Revision 1 also named the product and
 * the provider; it is upcast.
 */
@Revision("2")
public record RefundRequested(String orderId, String paymentId, String refundId, Money amount, String reason,
                              boolean delivered) implements OrderMessage {

    /** An order is refunded at most once, so its refund is named after it. */
    public static String refundIdFor(String orderId) {
        return "rf-" + orderId;
    }
}
