package dev.cardflow.api.inventory;

import dev.cardflow.api.common.Money;

/** A product joined the catalogue. */
public record ProductRegistered(String productId, String name, Money price, ProductSource source, String sku) {}
