package dev.cardflow.api.inventory;

import dev.cardflow.api.common.Money;

import java.util.List;

/**
 * A product's shop-window details are now these (all of them, so readers need no earlier state): orders placed
 * from now on take the new price; orders already placed keep theirs. {@code maxPerOrder} null: the shop's default
 * cap; {@code priceTiers} empty: one price for every quantity.
 */
public record ProductDetailsChanged(String productId, String name, Money price, List<PriceTier> priceTiers,
                                    String description, String instructions, Integer maxPerOrder) {

    /** The largest maxPerOrder a product may have. */
    public static final int MAX_PER_ORDER_LIMIT = 100;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_INSTRUCTIONS = 2000;

    public ProductDetailsChanged {
        priceTiers = priceTiers == null ? List.of() : List.copyOf(priceTiers);
    }
}
