package dev.cardflow.api.inventory;

/** A disabled product is on sale again. */
public record ProductEnabled(String productId) {
}
