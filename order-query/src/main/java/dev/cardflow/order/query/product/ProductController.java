package dev.cardflow.order.query.product;

import dev.cardflow.api.inventory.BuyerField;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.infrastructure.web.Blocking;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/** The catalogue: {@code GET /api/products} for buyers, {@code GET /admin/api/products} with stock counts. */
@RestController
public class ProductController {

    /**
     * A product as the storefront shows it. {@code available} counts the keys neither reserved nor
     * issued; it is {@code null} for an UPSTREAM product, whose keys are bought per order, and a MANUAL one, delivered
     * by hand. {@code buyerFields}: what a MANUAL product asks the buyer at checkout (empty for others).
     */
    public record ProductResource(String productId, String name, String price, String currency, Integer available,
                                  ProductSource source, List<BuyerField> buyerFields) {
    }

    private final ProductStockStore stock;

    public ProductController(ProductStockStore stock) {
        this.stock = stock;
    }

    @GetMapping(path = "/api/products", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<ProductResource>> products() {
        return Blocking.call(() -> stock.all().stream()
                .map(p -> new ProductResource(p.productId(), p.name(), p.price(), p.currency(),
                        p.source() == ProductSource.POOL ? p.available() : null, p.source(), p.buyerFields()))
                .toList());
    }

    @GetMapping(path = "/admin/api/products", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<ProductStockStore.Row>> productsWithStock() {
        return Blocking.call(stock::all);
    }
}
