package dev.cardflow.api.inventory;

import dev.cardflow.api.order.OrderMessage;

import dev.cardflow.api.common.SealedCardKey;

import java.util.List;

/** Keys were set aside for an order; no other order can get them. */
public record StockReserved(String productId, String orderId, List<SealedCardKey> keys) implements OrderMessage {}
