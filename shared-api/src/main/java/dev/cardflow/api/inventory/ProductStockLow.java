package dev.cardflow.api.inventory;

/**
 * The product ({@code productName} as registered; null for a product known from a snapshot older than the name)
 * — its available keys fell to its threshold or below ({@code available} ≤ {@code threshold}). Said once
 * per crossing: again only after the stock rose above the threshold and fell once more.
 */
public record ProductStockLow(String productId, String productName, int available, int threshold) {
}
