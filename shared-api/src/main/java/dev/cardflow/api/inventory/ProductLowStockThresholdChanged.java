package dev.cardflow.api.inventory;

/** The product's low-stock threshold is now {@code lowStockThreshold} (null: no low-stock alert). */
public record ProductLowStockThresholdChanged(String productId, Integer lowStockThreshold) {
}
