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
                                       Instant payBy) implements OrderMessage {
}
