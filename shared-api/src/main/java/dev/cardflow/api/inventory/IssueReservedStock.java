package dev.cardflow.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.*;

/** Hands an order's reserved keys out for delivery; they leave the pool for good. */
public record IssueReservedStock(@TargetAggregateIdentifier String productId, String orderId) {
    public IssueReservedStock {
        text(productId, "productId");
        text(orderId, "orderId");
    }
}
