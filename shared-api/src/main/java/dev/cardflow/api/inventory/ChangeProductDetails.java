package dev.cardflow.api.inventory;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.common.Money;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Set;

import static dev.cardflow.api.common.Require.text;

/**
 * Changes some of a product's details: a null field stays as it is, a field named in {@code cleared}
 * ({@code description}, {@code instructions}, {@code maxPerOrder}, {@code priceTiers}) is removed. The
 * Inventory aggregate's current details are merged there, so two operators editing different fields lose nothing.
 */
public record ChangeProductDetails(@TargetAggregateIdentifier String productId, String name, Money price,
                                   List<PriceTier> priceTiers, String description, String instructions,
                                   Integer maxPerOrder, Set<String> cleared) {

    public static final Set<String> CLEARABLE = Set.of("description", "instructions", "maxPerOrder", "priceTiers");

    public ChangeProductDetails {
        text(productId, "productId");
        cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
        for (String field : cleared) {
            if (!CLEARABLE.contains(field)) {
                throw InvalidCommand.of(field, field + " cannot be removed.");
            }
        }
        if (name != null) {
            name = text(name, "name", RegisterProduct.MAX_NAME);
        }
        if (price != null) {
            checkPrice(price);
        }
        priceTiers = priceTiers == null ? null : List.copyOf(priceTiers);
        description = checkedText(description, "description", ProductDetailsChanged.MAX_DESCRIPTION);
        instructions = checkedText(instructions, "instructions", ProductDetailsChanged.MAX_INSTRUCTIONS);
        checkMaxPerOrder(maxPerOrder);
    }

    /** Whether the command changes nothing at all. */
    public boolean isEmpty() {
        return name == null && price == null && priceTiers == null && description == null && instructions == null
                && maxPerOrder == null && cleared.isEmpty();
    }

    static void checkPrice(Money price) {
        if (price.amount().signum() <= 0) {
            throw new InvalidCommand("invalid-price", "price", "price must be greater than zero.");
        }
    }

    static void checkMaxPerOrder(Integer maxPerOrder) {
        if (maxPerOrder != null && (maxPerOrder < 1 || maxPerOrder > ProductDetailsChanged.MAX_PER_ORDER_LIMIT)) {
            throw new InvalidCommand("invalid-max-per-order", "maxPerOrder",
                    "maxPerOrder must be a whole number from 1 to " + ProductDetailsChanged.MAX_PER_ORDER_LIMIT + ".");
        }
    }

    /** An optional text of at most {@code max} characters, stripped; blank reads as none. */
    static String checkedText(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(value, name, max);
    }
}
