package dev.cardflow.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.text;

/** Takes a product off sale: it is no longer listed, and placements are refused; placed orders go on. */
public record DisableProduct(@TargetAggregateIdentifier String productId) {
    public DisableProduct {
        text(productId, "productId");
    }
}
