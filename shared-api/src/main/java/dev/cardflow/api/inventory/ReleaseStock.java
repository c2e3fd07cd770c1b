package dev.cardflow.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.*;

/** Gives an order's reserved keys back to the pool. */
public record ReleaseStock(@TargetAggregateIdentifier String productId, String orderId) {
    public ReleaseStock {
        text(productId, "productId");
        text(orderId, "orderId");
    }
}
