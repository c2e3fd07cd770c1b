package dev.cardflow.order.command.inventory;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.BuyerField;
import dev.cardflow.api.inventory.ProductRegistered;
import dev.cardflow.api.inventory.ProductSource;

import dev.cardflow.infrastructure.axon.AxonSerializationConfiguration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What can be ordered, and at which price: the command side's lookup table of registered
 * products. Products do not change once registered, so a found product is kept in memory.
 */
@Component
@ProcessingGroup(ProductCatalog.PROCESSING_GROUP)
public class ProductCatalog {

    public static final String PROCESSING_GROUP = "product-catalog";

    /** A product as an order needs it; {@code buyerFields}: what a MANUAL product asks the buyer (never null). */
    public record Product(String productId, String name, Money price, ProductSource source, String sku,
                          List<BuyerField> buyerFields) {

        public Product(String productId, String name, Money price, ProductSource source, String sku) {
            this(productId, name, price, source, sku, List.of());
        }
    }

    private static final TypeReference<List<BuyerField>> FIELDS = new TypeReference<>() {
    };
    private final ObjectMapper json = AxonSerializationConfiguration.storageObjectMapper();

    private final JdbcTemplate jdbc;
    private final ConcurrentMap<String, Product> found = new ConcurrentHashMap<>();

    public ProductCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProductRegistered event) {
        jdbc.update("""
                insert into command_product_catalog (product_id, name, price, currency, source, sku)
                values (?, ?, ?, ?, ?, ?) on conflict (product_id) do nothing""",
                event.productId(), event.name(), event.price().plain(), event.price().currency(),
                event.source().name(), event.sku());
        if (!event.fieldsAsked().isEmpty()) {
            jdbc.update("update command_product_catalog set buyer_fields = ?::jsonb where product_id = ?",
                    write(event.fieldsAsked()), event.productId());
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<BuyerField> fields(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from command_product_catalog");
        found.clear();
    }

    public Optional<Product> find(String productId) {
        Product cached = found.get(productId);
        if (cached != null) {
            return Optional.of(cached);
        }
        return jdbc.query("select * from command_product_catalog where product_id = ?", (rs, n) -> new Product(
                        rs.getString("product_id"), rs.getString("name"),
                        Money.of(rs.getString("price"), rs.getString("currency")),
                        ProductSource.valueOf(rs.getString("source")), rs.getString("sku"),
                        fields(rs.getString("buyer_fields"))), productId)
                .stream().findFirst()
                .map(product -> {
                    found.put(productId, product);
                    return product;
                });
    }
}
