package dev.cardflow.api.order;

/** A cancelled order was paid late and its stock could be reserved again: it is paid and will be delivered. */
public record OrderReinstated(String orderId) implements OrderMessage {}
