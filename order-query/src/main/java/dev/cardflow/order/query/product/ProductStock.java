package dev.cardflow.order.query.product;

import dev.cardflow.api.inventory.ProductSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/** Reads the {@code product_stock} table. */
@Repository
public class ProductStock {

    /** A product with its stock counts; UPSTREAM products have no stock of their own. */
    public record Row(String productId, String name, String price, String currency, ProductSource source, String sku,
                      int available, int reserved, int issued) {
    }

    private final JdbcTemplate jdbc;

    public ProductStock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> all() {
        return jdbc.query("select * from product_stock order by registered_at, product_id", (rs, n) -> new Row(
                rs.getString("product_id"), rs.getString("name"), rs.getString("price"), rs.getString("currency"),
                ProductSource.valueOf(rs.getString("source")), rs.getString("sku"), rs.getInt("available"),
                rs.getInt("reserved"), rs.getInt("issued")));
    }
}
