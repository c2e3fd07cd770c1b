package dev.cardflow.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.*;

/** Holds {@code quantity} keys of a product for one order. */
public record ReserveStock(@TargetAggregateIdentifier String productId, String orderId, int quantity) {
    public ReserveStock {
        text(productId, "productId");
        text(orderId, "orderId");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }
}
