package dev.cardflow.order.query.product;

import dev.cardflow.api.inventory.CardKeysAdded;
import dev.cardflow.api.inventory.ProductRegistered;
import dev.cardflow.api.inventory.StockIssued;
import dev.cardflow.api.inventory.StockReleased;
import dev.cardflow.api.inventory.StockReserved;
import dev.cardflow.infrastructure.axon.SavepointPerEvent;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Projects the catalogue and each product's stock counts (available, reserved, issued) into {@code product_stock}. */
@Component
@ProcessingGroup(ProductStockProjection.PROCESSING_GROUP)
@SavepointPerEvent
public class ProductStockProjection {

    public static final String PROCESSING_GROUP = "product-stock";

    private final JdbcTemplate jdbc;

    public ProductStockProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProductRegistered e, @Timestamp Instant at) {
        jdbc.update("""
                insert into product_stock (product_id, name, price, currency, source, sku, registered_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (product_id) do nothing""",
                e.productId(), e.name(), e.price().plain(), e.price().currency(), e.source().name(), e.sku(),
                java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(CardKeysAdded e) {
        jdbc.update("update product_stock set available = available + ? where product_id = ?",
                e.keys().size(), e.productId());
    }

    @EventHandler
    void on(StockReserved e) {
        jdbc.update("update product_stock set available = available - ?, reserved = reserved + ? where product_id = ?",
                e.keys().size(), e.keys().size(), e.productId());
    }

    @EventHandler
    void on(StockReleased e) {
        jdbc.update("update product_stock set available = available + ?, reserved = reserved - ? where product_id = ?",
                e.quantity(), e.quantity(), e.productId());
    }

    @EventHandler
    void on(StockIssued e) {
        jdbc.update("update product_stock set reserved = reserved - ?, issued = issued + ? where product_id = ?",
                e.keys().size(), e.keys().size(), e.productId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from product_stock");
    }
}
