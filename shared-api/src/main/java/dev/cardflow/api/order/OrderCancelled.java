package dev.cardflow.api.order;

/** The order was cancelled before it was paid. */
public record OrderCancelled(String orderId, String reason) implements OrderMessage {}
