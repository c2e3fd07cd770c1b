package dev.cardflow.api.order;

/** The PSP accepted the refund; the buyer has the money back. */
public record OrderRefunded(String orderId, String refundId) implements OrderMessage {}
