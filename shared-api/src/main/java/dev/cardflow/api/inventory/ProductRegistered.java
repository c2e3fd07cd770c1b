package dev.cardflow.api.inventory;

import dev.cardflow.api.common.Money;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A product joined the catalogue. {@code lowStockThreshold} (null: no low-stock alert) was added later;
 * events stored before it read as null. So were the shop-window details after it: each is left out of the JSON
 * when null, so older events keep their form; read {@code enabled} and {@code keyMode} through
 * {@link #enabledOrDefault()} and {@link #keyModeOrDefault()}.
 */
public record ProductRegistered(String productId, String name, Money price, ProductSource source, String sku,
                                Integer lowStockThreshold,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String description,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String instructions,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Boolean enabled,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxPerOrder,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PriceTier> priceTiers,
                                @JsonInclude(JsonInclude.Include.NON_NULL) KeyMode keyMode) {

    public ProductRegistered {
        priceTiers = priceTiers == null ? List.of() : List.copyOf(priceTiers);
    }

    public ProductRegistered(String productId, String name, Money price, ProductSource source, String sku,
                             Integer lowStockThreshold) {
        this(productId, name, price, source, sku, lowStockThreshold, null, null, null, null, null, null);
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
