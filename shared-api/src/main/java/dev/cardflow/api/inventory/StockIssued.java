package dev.cardflow.api.inventory;

import dev.cardflow.api.order.OrderMessage;

import dev.cardflow.api.common.SealedCardKey;

import java.util.List;

/** An order's reserved keys were issued to it; they can never be issued again. */
public record StockIssued(String productId, String orderId, List<SealedCardKey> keys) implements OrderMessage {}
