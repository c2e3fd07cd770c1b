package dev.cardflow.api.inventory;

import dev.cardflow.api.common.Money;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A product joined the catalogue. {@code lowStockThreshold} (null: no low-stock alert) was added later;
 * events stored before it read as null. {@code buyerFields}: what a MANUAL product asks the buyer (null or absent:
 * nothing).
 */
public record ProductRegistered(String productId, String name, Money price, ProductSource source, String sku,
                                Integer lowStockThreshold,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<BuyerField> buyerFields) {

    public ProductRegistered(String productId, String name, Money price, ProductSource source, String sku,
                             Integer lowStockThreshold) {
        this(productId, name, price, source, sku, lowStockThreshold, null);
    }

    /** The buyer fields, never null. */
    public List<BuyerField> fieldsAsked() {
        return buyerFields == null ? List.of() : buyerFields;
    }

    public ProductRegistered(String productId, String name, Money price, ProductSource source, String sku) {
        this(productId, name, price, source, sku, null);
    }
}
