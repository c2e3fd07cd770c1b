package dev.cardflow.api.inventory;

import dev.cardflow.api.common.Money;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A product joined the catalogue. {@code lowStockThreshold} (null: no low-stock alert) was added later;
 * events stored before it read as null. So were the shop-window details after it: each is left out of the JSON
 * when null, so older events keep their form; read {@code enabled} and {@code keyMode} through
 * {@link #enabledOrDefault()} and {@link #keyModeOrDefault()}. {@code buyerFields}: what a MANUAL product asks the
 * buyer (null or absent: nothing).
 */
public record ProductRegistered(String productId, String name, Money price, ProductSource source, String sku,
                                Integer lowStockThreshold,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String description,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String instructions,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Boolean enabled,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxPerOrder,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PriceTier> priceTiers,
                                @JsonInclude(JsonInclude.Include.NON_NULL) KeyMode keyMode,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<BuyerField> buyerFields) {

    public ProductRegistered {
        priceTiers = priceTiers == null ? List.of() : List.copyOf(priceTiers);
    }

    /** A product that asks the buyer nothing (not MANUAL). */
    public ProductRegistered(String productId, String name, Money price, ProductSource source, String sku,
                  Integer lowStockThreshold, String description, String instructions, Boolean enabled,
                  Integer maxPerOrder, List<PriceTier> priceTiers, KeyMode keyMode) {
        this(productId, name, price, source, sku, lowStockThreshold, description, instructions, enabled, maxPerOrder,
                priceTiers, keyMode, null);
    }

    public ProductRegistered(String productId, String name, Money price, ProductSource source, String sku,
                             Integer lowStockThreshold) {
        this(productId, name, price, source, sku, lowStockThreshold, null, null, null, null, null, null, null);
    }

    public ProductRegistered(String productId, String name, Money price, ProductSource source, String sku,
                             Integer lowStockThreshold, List<BuyerField> buyerFields) {
        this(productId, name, price, source, sku, lowStockThreshold, null, null, null, null, null, null, buyerFields);
    }

    /** The buyer fields, never null. */
    public List<BuyerField> fieldsAsked() {
        return buyerFields == null ? List.of() : buyerFields;
    }

    public ProductRegistered(String productId, String name, Money price, ProductSource source, String sku) {
        this(productId, name, price, source, sku, null);
    }

    public boolean enabledOrDefault() {
        return enabled == null || enabled;
    }

    public KeyMode keyModeOrDefault() {
        return KeyMode.orDefault(keyMode);
    }
}
