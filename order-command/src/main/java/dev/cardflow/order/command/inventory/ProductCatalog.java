package dev.cardflow.order.command.inventory;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.BuyerField;
import dev.cardflow.api.inventory.KeyMode;
import dev.cardflow.api.inventory.PriceTier;
import dev.cardflow.api.inventory.ProductDetailsChanged;
import dev.cardflow.api.inventory.ProductDisabled;
import dev.cardflow.api.inventory.ProductEnabled;
import dev.cardflow.api.inventory.ProductLowStockThresholdChanged;
import dev.cardflow.api.inventory.ProductRegistered;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.order.PlaceOrder;
import dev.cardflow.infrastructure.axon.JsonColumns;

import com.fasterxml.jackson.core.type.TypeReference;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What can be ordered, and at which price: the command side's lookup table of the catalogue. Products change
 * (price, tiers, on sale or not), so every placement reads the row — no copy in memory that another instance's
 * edit could leave stale; it is one primary-key read, written in the same transaction as the event.
 */
@Component
@ProcessingGroup(ProductCatalog.PROCESSING_GROUP)
public class ProductCatalog {

    public static final String PROCESSING_GROUP = "product-catalog";

    /**
     * A product as an order needs it. {@code maxPerOrder} null: {@link PlaceOrder#MAX_QUANTITY}. The fields after
     * {@code sku} came with editable products; {@code buyerFields}: what a MANUAL product asks the buyer (never null).
     */
    public record Product(String productId, String name, Money price, ProductSource source, String sku,
                          String description, String instructions, boolean enabled, Integer maxPerOrder,
                          Integer lowStockThreshold, List<PriceTier> priceTiers, KeyMode keyMode,
                          List<BuyerField> buyerFields) {

        public Product(String productId, String name, Money price, ProductSource source, String sku) {
            this(productId, name, price, source, sku, null, null, true, null, null, List.of(), KeyMode.UNIQUE,
                    List.of());
        }

        /** The most keys one order may ask for. */
        public int quantityCap() {
            return maxPerOrder != null ? maxPerOrder : PlaceOrder.MAX_QUANTITY;
        }

        /** The unit price of an order of {@code quantity} keys, decided now and kept by the order. */
        public Money unitPrice(int quantity) {
            return PriceTier.unitPrice(price, priceTiers, quantity);
        }
    }

    private static final TypeReference<List<BuyerField>> FIELDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public ProductCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProductRegistered event) {
        jdbc.update("""
                insert into command_product_catalog (product_id, name, price, currency, source, sku, description,
                    instructions, enabled, max_per_order, low_stock_threshold, price_tiers, key_mode, buyer_fields)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (product_id) do nothing""",
                event.productId(), event.name(), event.price().plain(), event.price().currency(),
                event.source().name(), event.sku(), event.description(), event.instructions(),
                event.enabledOrDefault(), event.maxPerOrder(), event.lowStockThreshold(),
                PriceTier.toText(event.priceTiers()), event.keyModeOrDefault().name(),
                event.fieldsAsked().isEmpty() ? null : JsonColumns.write(event.fieldsAsked()));
    }

    @EventHandler
    void on(ProductDetailsChanged event) {
        jdbc.update("""
                update command_product_catalog set name = ?, price = ?, currency = ?, price_tiers = ?,
                    description = ?, instructions = ?, max_per_order = ?
                where product_id = ?""",
                event.name(), event.price().plain(), event.price().currency(), PriceTier.toText(event.priceTiers()),
                event.description(), event.instructions(), event.maxPerOrder(), event.productId());
    }

    @EventHandler
    void on(ProductEnabled event) {
        jdbc.update("update command_product_catalog set enabled = true where product_id = ?", event.productId());
    }

    @EventHandler
    void on(ProductDisabled event) {
        jdbc.update("update command_product_catalog set enabled = false where product_id = ?", event.productId());
    }

    @EventHandler
    void on(ProductLowStockThresholdChanged event) {
        jdbc.update("update command_product_catalog set low_stock_threshold = ? where product_id = ?",
                event.lowStockThreshold(), event.productId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from command_product_catalog");
    }

    public Optional<Product> find(String productId) {
        return jdbc.query("select * from command_product_catalog where product_id = ?", ProductCatalog::product,
                productId).stream().findFirst();
    }

    private static Product product(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        return new Product(rs.getString("product_id"), rs.getString("name"),
                Money.of(rs.getString("price"), currency), ProductSource.valueOf(rs.getString("source")),
                rs.getString("sku"), rs.getString("description"), rs.getString("instructions"),
                rs.getBoolean("enabled"), (Integer) rs.getObject("max_per_order"),
                (Integer) rs.getObject("low_stock_threshold"),
                PriceTier.fromText(rs.getString("price_tiers"), currency),
                KeyMode.valueOf(rs.getString("key_mode")), fields(rs.getString("buyer_fields")));
    }

    private static List<BuyerField> fields(String text) {
        return text == null ? List.of() : JsonColumns.read(text, FIELDS);
    }
}
