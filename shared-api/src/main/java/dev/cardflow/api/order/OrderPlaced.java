package dev.cardflow.api.order;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;

/** An order was accepted; nothing is reserved or charged yet. */
public record OrderPlaced(String orderId, String productId, String productName, int quantity, Money unitPrice, Money amount,
                          ProductSource source, String sku, String email, String requestFingerprint) implements OrderMessage {}
