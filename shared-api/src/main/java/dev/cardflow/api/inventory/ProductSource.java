package dev.cardflow.api.inventory;

/** Where a product's card keys come from. */
public enum ProductSource {
    /** Keys uploaded by the shop and held by the platform. */
    POOL,
    /** Keys bought per order from a card supplier. */
    UPSTREAM
}
