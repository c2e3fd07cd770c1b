package dev.cardflow.order.command.order;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.common.Money;
import dev.cardflow.api.coupon.CouponUse;
import dev.cardflow.api.coupon.Coupons;
import dev.cardflow.api.coupon.ReturnCouponUse;
import dev.cardflow.api.coupon.UseCoupon;
import dev.cardflow.api.inventory.BuyerField;
import dev.cardflow.api.order.Languages;
import dev.cardflow.api.order.OrderStatus;
import dev.cardflow.api.order.PlaceOrder;
import dev.cardflow.infrastructure.axon.Origin;
import dev.cardflow.infrastructure.limits.ClientLimits;
import dev.cardflow.infrastructure.logging.AxonLogContext;
import dev.cardflow.infrastructure.logging.LogContext;
import dev.cardflow.infrastructure.payment.PaymentProviderSettings;
import dev.cardflow.infrastructure.security.AccessTokens;
import dev.cardflow.infrastructure.security.QueryPasswords;
import dev.cardflow.infrastructure.tracing.AxonTracing;
import dev.cardflow.infrastructure.web.Blocking;
import dev.cardflow.infrastructure.web.ProblemException;
import dev.cardflow.order.command.coupon.CouponRefused;
import dev.cardflow.order.command.inventory.ProductCatalog;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code POST /api/orders}: accepts an order in milliseconds — checked, capped and kept with its command in one
 * small transaction — and answers {@code 202}; the order is placed right after ({@link Placements}) and
 * fulfilment goes on asynchronously.
 */
@RestController
public class OrderPlacementController {

    private static final Logger log = LoggerFactory.getLogger(OrderPlacementController.class);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,64}");

    /**
     * The body of a placement.
     *
     * @param language the buyer's language for mails ({@code en}, {@code zh}, {@code vi}); without it (or with
     *                 another), the placement's {@code Accept-Language}
     * @param fields   the values of a MANUAL product's buyer fields, by field name
     * @param couponCode a coupon to take off the amount
     * @param queryPassword optional, 6 to 64 characters: with it and the email the buyer finds the order again
     *                      ({@code POST /api/orders/lookup}); kept only as a salted hash
     */
    public record PlaceOrderRequest(String productId, Integer quantity, String email, String paymentMethod,
                                    String language, Map<String, String> fields, String couponCode,
                                    String queryPassword) {

        public PlaceOrderRequest(String productId, Integer quantity, String email, String paymentMethod,
                                 String language) {
            this(productId, quantity, email, paymentMethod, language, null, null, null);
        }
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
    private final Placements placements;
    private final ObjectProvider<AxonTracing> tracing;

    private final Clock clock = Clock.systemUTC();

    public OrderPlacementController(CommandGateway commands, ProductCatalog catalog, AccessTokens tokens,
                                    ClientLimits limits, UnpaidOrders unpaid, PaymentProviderSettings providers,
                                    Placements placements, ObjectProvider<AxonTracing> tracing) {
        this.providers = providers;
        this.placements = placements;
        this.tracing = tracing;
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
            PlaceOrder draft = toCommand(idempotencyKey, request,
                    http.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
            MDC.put(LogContext.ORDER_ID, draft.orderId()); // Blocking puts the MDC back afterwards
            // the coupon decides the discount; a retry of this placement gets the same answer, no second use
            CouponUse use = draft.couponCode() == null ? null : useCoupon(client, draft);
            CommandMessage<PlaceOrder> placement = placement(client,
                    use == null ? draft : withDiscount(draft, use.discount()));
            UnpaidOrders.Reservation reservation;
            try {
                // nobody freezes the shop's stock with orders never paid; a retried placement is never refused here.
                // Once the reservation holds the command, the order is accepted: it is placed even if this
                // process dies now
                reservation = unpaid.reserve(client, placement, limits.properties().maxUnpaidOrders());
                if (reservation == UnpaidOrders.Reservation.PLACED) {
                    // a retry of a placed order: the order decides (the same request, or 409); two instances
                    // racing on one Idempotency-Key: the command gateway retries the loser, which then finds the
                    // winner's order
                    commands.sendAndWait(placement);
                }
            } catch (RuntimeException e) {
                if (use != null && use.fresh()) {
                    giveBack(client, draft);
                }
                throw e;
            }
            if (reservation == UnpaidOrders.Reservation.QUEUED) {
                placements.send(placement);
            }
            log.info("Order {} accepted for product {} x{}", draft.orderId(), draft.productId(), draft.quantity());
            return ResponseEntity.accepted()
                    .location(URI.create("/api/orders/" + draft.orderId()))
                    .body(new OrderAccepted(draft.orderId(), tokens.issue(draft.orderId()), OrderStatus.PLACED));
        });
    }

    /**
     * The command as the buyer sends it, with the request's trace id and trace context, as the dispatch
     * interceptors would add them now: it is sent later, from another thread.
     */
    @SuppressWarnings("unchecked")
    private CommandMessage<PlaceOrder> placement(String client, PlaceOrder command) {
        CommandMessage<PlaceOrder> message = AxonLogContext.withTraceId(
                (CommandMessage<PlaceOrder>) Origin.byBuyer(client, command));
        AxonTracing tracing = this.tracing.getIfAvailable();
        return tracing == null ? message : message.andMetaData(tracing.current());
    }

    private PlaceOrder toCommand(String idempotencyKey, PlaceOrderRequest request, String acceptLanguage) {
        PlacementRequest valid = PlacementRequest.validate(request.productId(), request.quantity(), request.email());
        var product = catalog.find(valid.productId())
                .orElseThrow(() -> ProblemException.notFound("unknown-product",
                        "There is no product " + valid.productId() + "."));
        checkOnSale(product, valid.quantity());
        String method = paymentMethod(request.paymentMethod(), product.price().currency());
        Map<String, String> fields = buyerFields(product, request.fields());
        // salted, so not part of the fingerprint: a retry with the same body is still the same request
        String queryPasswordHash = request.queryPassword() == null ? null
                : QueryPasswords.hash(QueryPasswords.checked(request.queryPassword()));
        String coupon = request.couponCode() == null || request.couponCode().isBlank() ? null
                : Coupons.normalised(request.couponCode());
        return new PlaceOrder(orderIdFor(idempotencyKey), product.productId(), product.name(), valid.quantity(),
                product.unitPrice(valid.quantity()), product.source(), product.sku(), valid.email(),
                valid.fingerprint(method, fields, coupon), method,
                Languages.choose(request.language(), acceptLanguage), fields, coupon, null, queryPasswordHash);
    }

    /** The buyer's values checked against what the product asks: every required one given, none it does not ask. */
    private static Map<String, String> buyerFields(ProductCatalog.Product product, Map<String, String> given) {
        Map<String, String> values = PlaceOrder.checkedFields(given);
        Map<String, String> checked = values == null ? Map.of() : values;
        Set<String> asked = product.buyerFields().stream().map(BuyerField::name).collect(Collectors.toSet());
        for (String name : checked.keySet()) {
            if (!asked.contains(name)) {
                throw new InvalidCommand("invalid-fields", "fields." + name,
                        "This product does not ask for " + name + ".");
            }
        }
        for (BuyerField field : product.buyerFields()) {
            if (field.required() && !checked.containsKey(field.name())) {
                throw new InvalidCommand("missing-field", "fields." + field.name(),
                        field.label() + " (" + field.name() + ") is required for this product.");
            }
        }
        return values;
    }

    /** Takes the order's use of its coupon; an unknown code is as invalid as a used-up one. */
    private CouponUse useCoupon(String client, PlaceOrder draft) {
        UseCoupon use = new UseCoupon(draft.couponCode(), draft.orderId(), draft.productId(),
                draft.unitPrice().times(draft.quantity()), clock.instant());
        try {
            return commands.sendAndWait(Origin.byBuyer(client, use));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof AggregateNotFoundException) {
                    throw ProblemException.badRequest(CouponRefused.INVALID_COUPON,
                            "There is no coupon " + draft.couponCode() + ".");
                }
            }
            throw e;
        }
    }

    /** The placement failed after its coupon use was taken: the use goes back, the order never was. */
    private void giveBack(String client, PlaceOrder draft) {
        try {
            commands.sendAndWait(Origin.byBuyer(client, new ReturnCouponUse(draft.couponCode(), draft.orderId(), true)));
        } catch (RuntimeException e) {
            log.error("Order {}: could not give back the use of coupon {} after a failed placement",
                    draft.orderId(), draft.couponCode(), e);
        }
    }

    private static PlaceOrder withDiscount(PlaceOrder c, Money discount) {
        return new PlaceOrder(c.orderId(), c.productId(), c.productName(), c.quantity(), c.unitPrice(), c.source(),
                c.sku(), c.email(), c.requestFingerprint(), c.paymentMethod(), c.language(), c.fields(),
                c.couponCode(), discount, c.queryPasswordHash());
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
