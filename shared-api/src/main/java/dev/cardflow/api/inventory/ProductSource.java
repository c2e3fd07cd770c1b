package dev.cardflow.api.inventory;

/** Where a product's card keys come from. */
public enum ProductSource {
    /** Keys uploaded by the shop and held by the platform. */
    POOL,
    /** Keys bought per order from a card supplier. */
    UPSTREAM,
    /** Nothing in stock: the buyer fills in the product's buyer fields, pays, and an operator delivers by hand (代充). */
    MANUAL
}
