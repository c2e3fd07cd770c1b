package dev.cardflow.order.query.order;

import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.OrderStatusView;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * An order as the buyer reads it (API.md, {@code GET /api/orders/{orderId}}), plus a few fields
 * the contract allows to add: {@code productName}, {@code payBy}, {@code pollAfterSeconds}, for an order with a
 * coupon {@code couponCode} and {@code discount} ({@code amount} is after it; both absent without a coupon), and the
 * product's {@code instructions} once the order is delivered.
 */
public record OrderResource(String orderId, OrderStatus status, String productId, String productName,
                            Integer quantity, String amount, String currency, Payment payment,
                            List<OrderStatusView.TimelineEntry> timeline, Instant estimatedCompletionAt,
                            List<String> cardKeys, String reason, Instant payBy, Integer pollAfterSeconds,
                            long version,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String couponCode,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String discount,
                            String instructions) {

    /** Where the buyer pays. */
    public record Payment(String method, String paymentId, String payUrl) {
    }

    /** An accepted order that the status view has not caught up with yet. */
    static OrderResource justPlaced(String orderId) {
        return new OrderResource(orderId, OrderStatus.PLACED, null, null, null, null, null, null, List.of(), null,
                null, null, null, pollAfter(OrderStatus.PLACED), 0, null, null, null);
    }

    /** How soon a poll is worth making: often while we work, calmly while the buyer pays, never when done. */
    static Integer pollAfter(OrderStatus status) {
        return switch (status) {
            case PLACED, PAID -> 1;
            case PENDING_PAYMENT -> 3;
            case REFUNDING -> 5;
            case DELIVERED, CANCELLED, REFUNDED -> null;
        };
    }

    /** Changes with every event of the order, and with the product's instructions a delivered order shows. */
    String etag() {
        return "\"" + orderId + "-" + version
                + (instructions == null ? "" : "-" + Integer.toHexString(instructions.hashCode())) + "\"";
    }
}
