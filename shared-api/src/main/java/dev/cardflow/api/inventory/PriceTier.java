package dev.cardflow.api.inventory;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.common.Money;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A volume price: the unit price of an order of at least {@code minQuantity} keys. */
public record PriceTier(int minQuantity, Money price) {

    public static final int MAX_TIERS = 10;

    /**
     * The tiers of a product priced {@code price}, checked (positive prices in the product's currency, distinct
     * minimum quantities from 2 to {@link ProductDetailsChanged#MAX_PER_ORDER_LIMIT}) and sorted by quantity;
     * null reads as none.
     */
    public static List<PriceTier> checked(List<PriceTier> tiers, Money price) {
        if (tiers == null || tiers.isEmpty()) {
            return List.of();
        }
        if (tiers.size() > MAX_TIERS) {
            throw invalid("At most " + MAX_TIERS + " price tiers.");
        }
        Set<Integer> quantities = new HashSet<>();
        for (PriceTier tier : tiers) {
            if (tier == null || tier.price() == null) {
                throw invalid("Every price tier needs a minQuantity and a price.");
            }
            if (tier.minQuantity() < 2 || tier.minQuantity() > ProductDetailsChanged.MAX_PER_ORDER_LIMIT) {
                throw invalid("A price tier's minQuantity must be from 2 to "
                        + ProductDetailsChanged.MAX_PER_ORDER_LIMIT + ".");
            }
            if (tier.price().amount().signum() <= 0) {
                throw invalid("A price tier's price must be greater than zero.");
            }
            if (!tier.price().currency().equals(price.currency())) {
                throw invalid("Price tiers must be in the product's currency, " + price.currency() + ".");
            }
            if (!quantities.add(tier.minQuantity())) {
                throw invalid("Two price tiers have the minQuantity " + tier.minQuantity() + ".");
            }
        }
        List<PriceTier> sorted = new ArrayList<>(tiers);
        sorted.sort(Comparator.comparingInt(PriceTier::minQuantity));
        return List.copyOf(sorted);
    }

    /** The unit price of {@code quantity} keys: the tier with the largest minQuantity reached, else the base price. */
    public static Money unitPrice(Money base, List<PriceTier> tiers, int quantity) {
        Money unit = base;
        int reached = 0;
        for (PriceTier tier : tiers == null ? List.<PriceTier>of() : tiers) {
            if (tier.minQuantity() <= quantity && tier.minQuantity() > reached) {
                unit = tier.price();
                reached = tier.minQuantity();
            }
        }
        return unit;
    }

    /** Tiers as the catalogue tables keep them: {@code minQuantity=price} pairs joined by commas; null for none. */
    public static String toText(List<PriceTier> tiers) {
        return tiers == null || tiers.isEmpty() ? null
                : tiers.stream().map(t -> t.minQuantity() + "=" + t.price().plain()).collect(Collectors.joining(","));
    }

    /** The tiers {@link #toText} wrote, priced in {@code currency}; null or blank reads as none. */
    public static List<PriceTier> fromText(String text, String currency) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(","))
                .map(pair -> pair.split("="))
                .map(pair -> new PriceTier(Integer.parseInt(pair[0]), Money.of(pair[1], currency)))
                .toList();
    }

    private static InvalidCommand invalid(String detail) {
        return new InvalidCommand("invalid-price-tiers", "priceTiers", detail);
    }
}
