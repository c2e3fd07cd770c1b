package dev.cardflow.order.query.product;

import dev.cardflow.api.inventory.BuyerField;
import dev.cardflow.api.inventory.KeyMode;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.order.PlaceOrder;
import dev.cardflow.infrastructure.web.Blocking;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The catalogue: {@code GET /api/products} for buyers (the products on sale), {@code GET /admin/api/products} with
 * stock counts, instructions and the disabled products too.
 */
@RestController
public class ProductController {

    /**
     * A product as the storefront shows it. {@code available} counts the keys neither reserved nor
     * issued; it is {@code null} for an UPSTREAM product, whose keys are bought per order, a MANUAL one, delivered
     * by hand, and a REUSABLE one, whose one key never runs out. {@code maxPerOrder}: the most keys one order may
     * ask for. {@code buyerFields}: what a MANUAL product asks the buyer at checkout (empty for others). The
     * instructions are not here: a buyer reads them on the order once it is delivered.
     */
    public record ProductResource(String productId, String name, String price, String currency, Integer available,
                                  ProductSource source, String description, int maxPerOrder,
                                  List<ProductStockStore.Tier> priceTiers, KeyMode keyMode,
                                  List<BuyerField> buyerFields) {
    }

    private final ProductStockStore stock;

    public ProductController(ProductStockStore stock) {
        this.stock = stock;
    }

    @GetMapping(path = "/api/products", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<ProductResource>> products() {
        return Blocking.call(() -> stock.enabled().stream()
                .map(p -> new ProductResource(p.productId(), p.name(), p.price(), p.currency(),
                        p.source() == ProductSource.POOL ? p.available() : null, p.source(), p.description(),
                        p.maxPerOrder() != null ? p.maxPerOrder() : PlaceOrder.MAX_QUANTITY, p.priceTiers(),
                        p.keyMode(), p.buyerFields()))
                .toList());
    }

    @GetMapping(path = "/admin/api/products", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<ProductStockStore.Row>> productsWithStock() {
        return Blocking.call(stock::all);
    }
}
