package dev.cardflow.api.inventory;

import dev.cardflow.api.order.OrderMessage;

/** An order asked for more keys than were available. */
public record StockReservationRejected(String productId, String orderId, int requested, int available) implements OrderMessage {}
