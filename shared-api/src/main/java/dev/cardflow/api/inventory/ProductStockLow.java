package dev.cardflow.api.inventory;

/**
 * The product's available keys fell to its threshold or below ({@code available} ≤ {@code threshold}). Said once
 * per crossing: again only after the stock rose above the threshold and fell once more.
 */
public record ProductStockLow(String productId, int available, int threshold) {
}
