package dev.cardflow.api.inventory;

import dev.cardflow.api.common.Money;

/**
 * A product joined the catalogue. {@code lowStockThreshold} (null: no low-stock alert) was added later;
 * events stored before it read as null.
 */
public record ProductRegistered(String productId, String name, Money price, ProductSource source, String sku,
                                Integer lowStockThreshold) {

    public ProductRegistered(String productId, String name, Money price, ProductSource source, String sku) {
        this(productId, name, price, source, sku, null);
    }
}
