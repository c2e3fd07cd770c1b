package dev.cardflow.order.query.product;

import dev.cardflow.api.inventory.BuyerField;
import dev.cardflow.api.inventory.KeyMode;
import dev.cardflow.api.inventory.PriceTier;
import dev.cardflow.api.inventory.ProductDetailsChanged;
import dev.cardflow.api.inventory.ProductRegistered;
import dev.cardflow.api.inventory.ProductSource;

import dev.cardflow.infrastructure.axon.JsonColumns;

import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@code product_stock} table: written by the projection, read by the queries. */
@Repository
public class ProductStockStore {

    /**
     * A product with its stock counts; UPSTREAM products have no stock of their own, and a REUSABLE product's one
     * key never runs out ({@code available} null for both). {@code lowStockThreshold}: at or below this many
     * available keys operators are alerted (null: never). The fields after it are the shop-window details.
     */
    public record Row(String productId, String name, String price, String currency, ProductSource source, String sku,
                      Integer available, int reserved, int issued, Integer lowStockThreshold,
                      String description, String instructions, boolean enabled, Integer maxPerOrder,
                      List<Tier> priceTiers, KeyMode keyMode, List<BuyerField> buyerFields) {
    }

    /** A volume price: the unit price from {@code minQuantity} keys on, in the product's currency. */
    public record Tier(int minQuantity, String price) {
    }

    private static final TypeReference<List<BuyerField>> FIELDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public ProductStockStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every product, disabled ones too. */
    public List<Row> all() {
        return jdbc.query("select * from product_stock order by registered_at, product_id", ProductStockStore::row);
    }

    /** The products on sale. */
    public List<Row> enabled() {
        return jdbc.query("select * from product_stock where enabled order by registered_at, product_id",
                ProductStockStore::row);
    }

    /** What the buyers of a product read once their keys are delivered, if the product has instructions. */
    public Optional<String> instructions(String productId) {
        return jdbc.queryForList("select instructions from product_stock where product_id = ?", String.class,
                productId).stream().filter(Objects::nonNull).findFirst();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        ProductSource source = ProductSource.valueOf(rs.getString("source"));
        KeyMode keyMode = KeyMode.valueOf(rs.getString("key_mode"));
        boolean counted = source == ProductSource.POOL && keyMode == KeyMode.UNIQUE;
        String currency = rs.getString("currency");
        return new Row(rs.getString("product_id"), rs.getString("name"), rs.getString("price"),
                currency, source, rs.getString("sku"), counted ? rs.getInt("available") : null,
                rs.getInt("reserved"), rs.getInt("issued"), (Integer) rs.getObject("low_stock_threshold"),
                rs.getString("description"), rs.getString("instructions"), rs.getBoolean("enabled"),
                (Integer) rs.getObject("max_per_order"), tiers(rs.getString("price_tiers"), currency), keyMode,
                fields(rs.getString("buyer_fields")));
    }

    private static List<BuyerField> fields(String text) {
        return text == null ? List.of() : JsonColumns.read(text, FIELDS);
    }

    /** What a MANUAL product asks the buyer. */
    void buyerFields(String productId, List<BuyerField> fields) {
        jdbc.update("update product_stock set buyer_fields = ?::jsonb where product_id = ?",
                JsonColumns.write(fields), productId);
    }

    /** The column's tiers ({@link PriceTier#toText}) with their prices as the API writes them. */
    private static List<Tier> tiers(String text, String currency) {
        return PriceTier.fromText(text, currency).stream()
                .map(tier -> new Tier(tier.minQuantity(), tier.price().plain()))
                .toList();
    }

    /** A product enters the catalogue with no stock; registering it again changes nothing. */
    void register(ProductRegistered e, Instant at) {
        jdbc.update("""
                insert into product_stock (product_id, name, price, currency, source, sku, registered_at,
                                           low_stock_threshold, description, instructions, enabled, max_per_order,
                                           price_tiers, key_mode)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (product_id) do nothing""",
                e.productId(), e.name(), e.price().plain(), e.price().currency(), e.source().name(), e.sku(),
                Timestamp.from(at), e.lowStockThreshold(), e.description(), e.instructions(), e.enabledOrDefault(),
                e.maxPerOrder(), PriceTier.toText(e.priceTiers()), e.keyModeOrDefault().name());
        if (!e.fieldsAsked().isEmpty()) {
            buyerFields(e.productId(), e.fieldsAsked());
        }
    }

    void details(ProductDetailsChanged e) {
        jdbc.update("""
                update product_stock set name = ?, price = ?, currency = ?, price_tiers = ?, description = ?,
                    instructions = ?, max_per_order = ?
                where product_id = ?""",
                e.name(), e.price().plain(), e.price().currency(), PriceTier.toText(e.priceTiers()), e.description(),
                e.instructions(), e.maxPerOrder(), e.productId());
    }

    void enabled(String productId, boolean enabled) {
        jdbc.update("update product_stock set enabled = ? where product_id = ?", enabled, productId);
    }

    void lowStockThreshold(String productId, Integer threshold) {
        jdbc.update("update product_stock set low_stock_threshold = ? where product_id = ?", threshold, productId);
    }

    /** Keys came into the shop's stock; a REUSABLE product's new key takes the place of the one before. */
    void added(String productId, int keys) {
        jdbc.update("""
                update product_stock set available = case when key_mode = 'REUSABLE' then 1 else available + ? end
                where product_id = ?""", keys, productId);
    }

    /** Keys were set aside for an order; a REUSABLE product's key stays on the shelf. */
    void reserved(String productId, int keys) {
        jdbc.update("""
                update product_stock set available = case when key_mode = 'REUSABLE' then available else available - ? end,
                    reserved = reserved + ?
                where product_id = ?""", keys, keys, productId);
    }

    void released(String productId, int keys) {
        jdbc.update("""
                update product_stock set available = case when key_mode = 'REUSABLE' then available else available + ? end,
                    reserved = reserved - ?
                where product_id = ?""", keys, keys, productId);
    }

    void issued(String productId, int keys) {
        jdbc.update("update product_stock set reserved = reserved - ?, issued = issued + ? where product_id = ?",
                keys, keys, productId);
    }

    void deleteAll() {
        jdbc.update("delete from product_stock");
    }
}
