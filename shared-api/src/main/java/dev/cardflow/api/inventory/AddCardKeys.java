package dev.cardflow.api.inventory;

import dev.cardflow.api.common.SealedCardKey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

import static dev.cardflow.api.common.Require.*;

/** Uploads keys into a POOL product's stock; keys already in the pool are skipped. */
public record AddCardKeys(@TargetAggregateIdentifier String productId, List<SealedCardKey> keys) {
    public AddCardKeys {
        text(productId, "productId");
        keys = List.copyOf(notEmpty(keys, "keys"));
    }
}
