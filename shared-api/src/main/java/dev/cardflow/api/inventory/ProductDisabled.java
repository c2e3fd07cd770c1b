package dev.cardflow.api.inventory;

/** A product went off sale: it is hidden from the storefront and new orders for it are refused. */
public record ProductDisabled(String productId) {
}
