package dev.cardflow.order.query.product;

import dev.cardflow.api.inventory.BuyerField;
import dev.cardflow.api.inventory.ProductRegistered;
import dev.cardflow.api.inventory.ProductSource;

import dev.cardflow.infrastructure.axon.AxonSerializationConfiguration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The {@code product_stock} table: written by the projection, read by the queries. */
@Repository
public class ProductStockStore {

    /**
     * A product with its stock counts; UPSTREAM products have no stock of their own. {@code lowStockThreshold}: at or
     * below this many available keys operators are alerted (null: never).
     */
    public record Row(String productId, String name, String price, String currency, ProductSource source, String sku,
                      int available, int reserved, int issued, Integer lowStockThreshold,
                      List<BuyerField> buyerFields) {
    }

    private static final TypeReference<List<BuyerField>> FIELDS = new TypeReference<>() {
    };
    private final ObjectMapper json = AxonSerializationConfiguration.storageObjectMapper();

    private final JdbcTemplate jdbc;

    public ProductStockStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> all() {
        return jdbc.query("select * from product_stock order by registered_at, product_id", (rs, n) -> new Row(
                rs.getString("product_id"), rs.getString("name"), rs.getString("price"), rs.getString("currency"),
                ProductSource.valueOf(rs.getString("source")), rs.getString("sku"), rs.getInt("available"),
                rs.getInt("reserved"), rs.getInt("issued"), (Integer) rs.getObject("low_stock_threshold"),
                fields(rs.getString("buyer_fields"))));
    }

    private List<BuyerField> fields(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a MANUAL product asks the buyer. */
    void buyerFields(String productId, List<BuyerField> fields) {
        try {
            jdbc.update("update product_stock set buyer_fields = ?::jsonb where product_id = ?",
                    json.writeValueAsString(fields), productId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A product enters the catalogue with no stock; registering it again changes nothing. */
    void register(ProductRegistered e, Instant at) {
        jdbc.update("""
                insert into product_stock (product_id, name, price, currency, source, sku, registered_at,
                                           low_stock_threshold)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (product_id) do nothing""",
                e.productId(), e.name(), e.price().plain(), e.price().currency(), e.source().name(), e.sku(),
                Timestamp.from(at), e.lowStockThreshold());
        if (!e.fieldsAsked().isEmpty()) {
            buyerFields(e.productId(), e.fieldsAsked());
        }
    }

    void lowStockThreshold(String productId, Integer threshold) {
        jdbc.update("update product_stock set low_stock_threshold = ? where product_id = ?", threshold, productId);
    }

    /** Keys came into the shop's stock. */
    void added(String productId, int keys) {
        jdbc.update("update product_stock set available = available + ? where product_id = ?", keys, productId);
    }

    void reserved(String productId, int keys) {
        jdbc.update("update product_stock set available = available - ?, reserved = reserved + ? where product_id = ?",
                keys, keys, productId);
    }

    void released(String productId, int keys) {
        jdbc.update("update product_stock set available = available + ?, reserved = reserved - ? where product_id = ?",
                keys, keys, productId);
    }

    void issued(String productId, int keys) {
        jdbc.update("update product_stock set reserved = reserved - ?, issued = issued + ? where product_id = ?",
                keys, keys, productId);
    }

    void deleteAll() {
        jdbc.update("delete from product_stock");
    }
}
