package dev.cardflow.api.inventory;

import dev.cardflow.api.order.OrderMessage;

/** An order's reserved keys went back to the pool. */
public record StockReleased(String productId, String orderId, int quantity) implements OrderMessage {}
