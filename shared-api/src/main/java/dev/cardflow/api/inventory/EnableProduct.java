package dev.cardflow.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.text;

/** Puts a product (back) on sale: it is listed and can be ordered. */
public record EnableProduct(@TargetAggregateIdentifier String productId) {
    public EnableProduct {
        text(productId, "productId");
    }
}
