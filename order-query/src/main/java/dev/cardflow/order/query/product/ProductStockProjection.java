package dev.cardflow.order.query.product;

import dev.cardflow.api.inventory.CardKeysAdded;
import dev.cardflow.api.inventory.ProductDetailsChanged;
import dev.cardflow.api.inventory.ProductDisabled;
import dev.cardflow.api.inventory.ProductEnabled;
import dev.cardflow.api.inventory.ProductLowStockThresholdChanged;
import dev.cardflow.api.inventory.ProductRegistered;
import dev.cardflow.api.inventory.StockIssued;
import dev.cardflow.api.inventory.StockReleased;
import dev.cardflow.api.inventory.StockReserved;
import dev.cardflow.infrastructure.axon.SavepointPerEvent;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Projects the catalogue (with its shop-window details) and each product's stock counts (available, reserved,
 * issued) into {@code product_stock}.
 */
@Component
@ProcessingGroup(ProductStockProjection.PROCESSING_GROUP)
@SavepointPerEvent
public class ProductStockProjection {

    public static final String PROCESSING_GROUP = "product-stock";

    private final ProductStockStore store;

    public ProductStockProjection(ProductStockStore store) {
        this.store = store;
    }

    @EventHandler
    void on(ProductRegistered e, @Timestamp Instant at) {
        store.register(e, at);
    }

    @EventHandler
    void on(ProductLowStockThresholdChanged e) {
        store.lowStockThreshold(e.productId(), e.lowStockThreshold());
    }

    @EventHandler
    void on(ProductDetailsChanged e) {
        store.details(e);
    }

    @EventHandler
    void on(ProductEnabled e) {
        store.enabled(e.productId(), true);
    }

    @EventHandler
    void on(ProductDisabled e) {
        store.enabled(e.productId(), false);
    }

    @EventHandler
    void on(CardKeysAdded e) {
        store.added(e.productId(), e.keys().size());
    }

    @EventHandler
    void on(StockReserved e) {
        store.reserved(e.productId(), e.keys().size());
    }

    @EventHandler
    void on(StockReleased e) {
        store.released(e.productId(), e.quantity());
    }

    @EventHandler
    void on(StockIssued e) {
        store.issued(e.productId(), e.keys().size());
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }
}
