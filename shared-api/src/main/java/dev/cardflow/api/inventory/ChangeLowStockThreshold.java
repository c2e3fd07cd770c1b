package dev.cardflow.api.inventory;

import dev.cardflow.api.common.InvalidCommand;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static dev.cardflow.api.common.Require.text;

/** Sets the available-key count at or below which a product counts as low on stock; null: never. */
public record ChangeLowStockThreshold(@TargetAggregateIdentifier String productId, Integer lowStockThreshold) {

    /** Keeps a threshold within what a product can hold; larger is surely a typo. */
    public static final int MAX_THRESHOLD = 1_000_000;

    public ChangeLowStockThreshold {
        text(productId, "productId");
        check(lowStockThreshold);
    }

    static void check(Integer threshold) {
        if (threshold != null && (threshold < 0 || threshold > MAX_THRESHOLD)) {
            throw new InvalidCommand("invalid-low-stock-threshold", "lowStockThreshold",
                    "lowStockThreshold must be a whole number from 0 to " + MAX_THRESHOLD + ".");
        }
    }
}
