package dev.cardflow.order.command.payment;

import dev.cardflow.infrastructure.payment.PaymentProviderSettings;
import dev.cardflow.infrastructure.web.Blocking;
import dev.cardflow.infrastructure.web.ProblemException;
import dev.cardflow.order.command.inventory.ProductCatalog;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/** {@code GET /api/payment-methods?productId=}: the ways a buyer can pay for a product, in the shop's order. */
@RestController
public class PaymentMethodsController {

    /** A payment method as the checkout offers it. */
    public record PaymentMethodView(String id, String name) {
    }

    private final PaymentProviderSettings providers;
    private final ProductCatalog catalog;

    PaymentMethodsController(PaymentProviderSettings providers, ProductCatalog catalog) {
        this.providers = providers;
        this.catalog = catalog;
    }

    @GetMapping(path = "/api/payment-methods", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<PaymentMethodView>> methods(@RequestParam(name = "productId", required = false) String productId) {
        if (productId == null || productId.isBlank()) {
            return Mono.just(providers.providers().stream()
                    .map(p -> new PaymentMethodView(p, providers.displayName(p))).toList());
        }
        return Blocking.call(() -> {
            var product = catalog.find(productId.strip()).orElseThrow(() ->
                    ProblemException.notFound("unknown-product", "There is no product " + productId.strip() + "."));
            return providers.usableFor(product.price().currency()).stream()
                    .map(p -> new PaymentMethodView(p, providers.displayName(p))).toList();
        });
    }
}
