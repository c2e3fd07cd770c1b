package dev.cardflow.api.inventory;

import dev.cardflow.api.common.Money;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.*;

/** Adds a product to the shop's catalogue. */
public record RegisterProduct(@TargetAggregateIdentifier String productId, String name, Money price, ProductSource source, String sku) {
    public RegisterProduct {
        text(productId, "productId");
        text(name, "name");
        present(price, "price");
        present(source, "source");
        if (source == ProductSource.UPSTREAM) {
            text(sku, "sku");
        }
    }
}
