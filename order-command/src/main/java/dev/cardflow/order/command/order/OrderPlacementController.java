package dev.cardflow.order.command.order;

import dev.cardflow.api.order.Languages;
import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.PlaceOrder;
import dev.cardflow.infrastructure.axon.Origin;
import dev.cardflow.infrastructure.limits.ClientLimits;
import dev.cardflow.infrastructure.logging.LogContext;
import dev.cardflow.infrastructure.payment.PaymentProviderSettings;
import dev.cardflow.infrastructure.security.AccessTokens;
import dev.cardflow.infrastructure.web.Blocking;
import dev.cardflow.infrastructure.web.ProblemException;
import dev.cardflow.order.command.inventory.ProductCatalog;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** {@code POST /api/orders}: accepts an order in milliseconds; fulfilment goes on asynchronously. */
@RestController
public class OrderPlacementController {

    private static final Logger log = LoggerFactory.getLogger(OrderPlacementController.class);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,64}");

    /**
     * The body of a placement.
     *
     * @param language the buyer's language for mails ({@code en}, {@code zh}, {@code vi}); without it (or with
     *                 another), the placement's {@code Accept-Language}
     */
    public record PlaceOrderRequest(String productId, Integer quantity, String email, String paymentMethod,
                                    String language) {
    }

    /** The answer to a placement, identical for every retry of the same request. */
    public record OrderAccepted(String orderId, String accessToken, OrderStatus status) {
    }

    private final CommandGateway commands;
    private final ProductCatalog catalog;
    private final AccessTokens tokens;
    private final ClientLimits limits;
    private final UnpaidOrders unpaid;
    private final PaymentProviderSettings providers;

    public OrderPlacementController(CommandGateway commands, ProductCatalog catalog, AccessTokens tokens,
                                    ClientLimits limits, UnpaidOrders unpaid, PaymentProviderSettings providers) {
        this.providers = providers;
        this.commands = commands;
        this.catalog = catalog;
        this.tokens = tokens;
        this.limits = limits;
        this.unpaid = unpaid;
    }

    @PostMapping(path = "/api/orders", consumes = "application/json", produces = "application/json")
    public Mono<ResponseEntity<OrderAccepted>> place(
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody PlaceOrderRequest request,
            ServerHttpRequest http) {
        String client = limits.clientKey(http);
        limits.take("place", client);
        return Blocking.call(() -> {
            PlaceOrder command = toCommand(idempotencyKey, request,
                    http.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
            MDC.put(LogContext.ORDER_ID, command.orderId()); // Blocking puts the MDC back afterwards
            // nobody freezes the shop's stock with orders never paid; a retried placement is never refused here
            var reservation = unpaid.reserve(client, command.orderId(), limits.properties().maxUnpaidOrders());
            try {
                // two instances racing on one Idempotency-Key: the command gateway retries the loser,
                // which then finds the winner's order
                commands.sendAndWait(Origin.byBuyer(client, command));
            } catch (RuntimeException e) {
                if (reservation == UnpaidOrders.Reservation.RESERVED) {
                    unpaid.release(command.orderId());
                }
                throw e;
            }
            log.info("Order {} accepted for product {} x{}", command.orderId(), command.productId(),
                    command.quantity());
            return ResponseEntity.accepted()
                    .location(URI.create("/api/orders/" + command.orderId()))
                    .body(new OrderAccepted(command.orderId(), tokens.issue(command.orderId()), OrderStatus.PLACED));
        });
    }

    private PlaceOrder toCommand(String idempotencyKey, PlaceOrderRequest request, String acceptLanguage) {
        PlacementRequest valid = PlacementRequest.validate(request.productId(), request.quantity(), request.email());
        var product = catalog.find(valid.productId())
                .orElseThrow(() -> ProblemException.notFound("unknown-product",
                        "There is no product " + valid.productId() + "."));
        checkOnSale(product, valid.quantity());
        String method = paymentMethod(request.paymentMethod(), product.price().currency());
        return new PlaceOrder(orderIdFor(idempotencyKey), product.productId(), product.name(), valid.quantity(),
                product.unitPrice(valid.quantity()), product.source(), product.sku(), valid.email(), valid.fingerprint(method), method,
                Languages.choose(request.language(), acceptLanguage));
    }

    /** A disabled product takes no orders; an enabled one no more keys at once than its maxPerOrder. */
    private static void checkOnSale(ProductCatalog.Product product, int quantity) {
        if (!product.enabled()) {
            throw ProblemException.conflict("product-unavailable",
                    "Product " + product.productId() + " is not on sale at the moment.");
        }
        PlaceOrder.checkedQuantity(quantity, product.quantityCap());
    }

    /** The buyer's choice, or the first method usable for the product's currency. */
    private String paymentMethod(String requested, String currency) {
        List<String> usable = providers.usableFor(currency);
        if (requested == null || requested.isBlank()) {
            if (usable.isEmpty()) {
                throw ProblemException.badRequest("unknown-payment-method",
                        "No payment method of this shop can take payments in " + currency + ".");
            }
            return usable.get(0);
        }
        String method = requested.strip();
        if (!usable.contains(method)) {
            throw ProblemException.badRequest("unknown-payment-method", "paymentMethod must be one of "
                    + usable + " for this product.");
        }
        return method;
    }

    /** The same Idempotency-Key always names the same order; without one, every request is a new order. */
    static String orderIdFor(String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.badRequest("invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 64 printable ASCII characters.");
        }
        return UUID.nameUUIDFromBytes(("cardflow-order:" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
