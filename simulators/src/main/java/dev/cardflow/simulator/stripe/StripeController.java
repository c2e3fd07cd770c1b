package dev.cardflow.simulator.stripe;

import dev.cardflow.simulator.DemoOnly;
import dev.cardflow.simulator.Offload;
import dev.cardflow.simulator.SimulatorProperties;
import dev.cardflow.simulator.chaos.Chaos;
import dev.cardflow.simulator.chaos.ChaosKnobs;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The simulated Stripe API: Checkout Sessions and refunds (API.md, "Payment providers", {@code stripe}). */
@DemoOnly
@RestController
@RequestMapping("/simulator/stripe")
public class StripeController {

    static final String CHAOS = "stripe";
    private static final Duration SHORTEST_EXPIRY = Duration.ofMinutes(30);
    private static final Duration LONGEST_EXPIRY = Duration.ofHours(24);
    // expires_at is in whole seconds and was computed a moment before the call arrived
    private static final Duration EXPIRY_SLACK = Duration.ofSeconds(60);

    private final CheckoutSessions sessions;
    private final StripeIdempotency idempotency;
    private final StripeEvents events;
    private final Chaos chaos;
    private final StripeSimulatorProperties properties;
    private final SimulatorProperties simulator;

    public StripeController(CheckoutSessions sessions, StripeIdempotency idempotency, StripeEvents events, Chaos chaos,
                            StripeSimulatorProperties properties, SimulatorProperties simulator) {
        this.sessions = sessions;
        this.idempotency = idempotency;
        this.events = events;
        this.chaos = chaos;
        this.properties = properties;
        this.simulator = simulator;
    }

    @PostMapping(path = "/v1/checkout/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<String>> create(@RequestHeader(name = "Authorization", required = false) String auth,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                               ServerWebExchange exchange) {
        authorize(auth);
        String payPages = (simulator.publicUrl().isBlank() ? baseUrl(exchange.getRequest()) : simulator.publicUrl())
                + "/simulator/stripe/pay/";
        return exchange.getFormData().map(StripeForm::of).flatMap(form -> chaos.disturbed(CHAOS, () ->
                idempotency.once(key, "POST /v1/checkout/sessions", form.fingerprint(), () -> {
                    boolean drop = ThreadLocalRandom.current().nextDouble() < chaos.knobs(CHAOS).callbackDropRate();
                    return sessions.write(sessions.create(checked(form, drop), payPages).object());
                }))).map(StripeController::ok);
    }

    @GetMapping(path = "/v1/checkout/sessions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<String>> get(@RequestHeader(name = "Authorization", required = false) String auth,
                                            @PathVariable String id) {
        authorize(auth);
        return chaos.disturbed(CHAOS, () -> sessions.write(sessions.find(id)
                .orElseThrow(() -> StripeError.noSuch("checkout.session", id, "id")).object())).map(StripeController::ok);
    }

    @PostMapping(path = "/v1/checkout/sessions/{id}/expire", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<String>> expire(@RequestHeader(name = "Authorization", required = false) String auth,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                               @PathVariable String id, ServerWebExchange exchange) {
        authorize(auth);
        return exchange.getFormData().map(StripeForm::of).flatMap(form -> chaos.disturbed(CHAOS, () ->
                idempotency.once(key, "POST /v1/checkout/sessions/" + id + "/expire", form.fingerprint(), () -> {
                    CheckoutSessions.Session session = sessions.lock(id)
                            .orElseThrow(() -> StripeError.noSuch("checkout.session", id, "id"));
                    if (!session.open()) {
                        throw StripeError.invalid(null, "Only Checkout Sessions with a status in [\"open\"] can be expired.",
                                null);
                    }
                    CheckoutSessions.Session expired = sessions.expire(id);
                    events.enqueue("checkout.session.expired", expired, chaos.knobs(CHAOS));
                    return sessions.write(expired.object());
                }))).map(StripeController::ok);
    }

    @PostMapping(path = "/v1/refunds", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<String>> refund(@RequestHeader(name = "Authorization", required = false) String auth,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                               ServerWebExchange exchange) {
        authorize(auth);
        return exchange.getFormData().map(StripeForm::of).flatMap(form -> chaos.disturbed(CHAOS, () ->
                idempotency.once(key, "POST /v1/refunds", form.fingerprint(), () ->
                        sessions.write(refund(form).object())))).map(StripeController::ok);
    }

    @GetMapping(path = "/simulation", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ChaosKnobs> simulation() {
        return Offload.jdbc(() -> chaos.knobs(CHAOS));
    }

    @PutMapping(path = "/simulation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ChaosKnobs> changeSimulation(@RequestBody ChaosKnobs.ChaosChange change) {
        return Offload.jdbc(() -> chaos.change(CHAOS, change));
    }

    @ExceptionHandler(StripeError.class)
    public ResponseEntity<Map<String, Object>> refused(StripeError error) {
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(error.body());
    }

    /** Chaos's failures (and anything else) in Stripe's shape, so that the SDK reads them as Stripe's. */
    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<Map<String, Object>> failed(ResponseStatusException failure) {
        HttpStatus status = HttpStatus.valueOf(failure.getStatusCode().value());
        return refused(new StripeError(status, status.is5xxServerError() ? "api_error" : "invalid_request_error",
                null, failure.getReason() == null ? status.getReasonPhrase() : failure.getReason(), null));
    }

    private CheckoutSessions.Refund refund(StripeForm form) {
        String paymentIntent = form.text("payment_intent");
        if (paymentIntent == null) {
            throw StripeError.invalid("parameter_missing", "Must provide either `charge` or `payment_intent`.",
                    "payment_intent");
        }
        CheckoutSessions.Session session = sessions.lockByPaymentIntent(paymentIntent)
                .orElseThrow(() -> StripeError.invalid("resource_missing",
                        "No such payment_intent: '" + paymentIntent + "'", "payment_intent"));
        if (!session.paymentStatus().equals("paid")) {
            throw StripeError.invalid("charge_not_refundable", "This PaymentIntent (" + paymentIntent
                    + ") does not have a successful charge to refund.", "payment_intent");
        }
        long left = session.amountTotal() - sessions.refunded(paymentIntent);
        if (left <= 0) {
            throw StripeError.invalid("charge_already_refunded",
                    "Charge for PaymentIntent " + paymentIntent + " has already been refunded.", null);
        }
        Long amount = form.integer("amount");
        if (amount != null && amount <= 0) {
            throw StripeError.invalid("parameter_invalid_integer", "This value must be greater than or equal to 1.",
                    "amount");
        }
        if (amount != null && amount > left) {
            throw StripeError.invalid("amount_too_large", "Refund amount (" + amount
                    + ") is greater than unrefunded amount on charge (" + left + ")", "amount");
        }
        return sessions.refund(session, amount == null ? left : amount, form.texts("metadata"));
    }

    private CheckoutSessions.NewSession checked(StripeForm form, boolean drop) {
        String mode = form.text("mode");
        if (mode == null) {
            throw StripeError.missing("mode");
        }
        if (!mode.equals("payment")) {
            throw StripeError.invalid("parameter_invalid", "The simulator supports only mode=payment.", "mode");
        }
        List<StripeForm> items = form.list("line_items");
        if (items.isEmpty()) {
            throw StripeError.missing("line_items");
        }
        String currency = null;
        long total = 0;
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            StripeForm item = items.get(i);
            String at = "line_items[" + i + "]";
            if (item.text("price") != null) {
                throw StripeError.invalid("parameter_invalid", "The simulator knows no Prices: use price_data.",
                        at + "[price]");
            }
            String itemCurrency = required(item, at, "price_data", "currency").toLowerCase(Locale.ROOT);
            Long unitAmount = item.integer("price_data", "unit_amount");
            if (unitAmount == null) {
                throw StripeError.missing(at + "[price_data][unit_amount]");
            }
            String name = required(item, at, "price_data", "product_data", "name");
            Long quantity = item.integer("quantity");
            if (quantity == null) {
                throw StripeError.missing(at + "[quantity]");
            }
            if (unitAmount < 0 || quantity < 1) {
                throw StripeError.invalid("parameter_invalid_integer", "This value must be greater than or equal to "
                        + (quantity < 1 ? "1" : "0") + ".", at + (quantity < 1 ? "[quantity]" : "[price_data][unit_amount]"));
            }
            if (currency != null && !currency.equals(itemCurrency)) {
                throw StripeError.invalid("parameter_invalid", "All line items must be in the same currency.",
                        at + "[price_data][currency]");
            }
            currency = itemCurrency;
            total += unitAmount * quantity;
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", name);
            line.put("unit_amount", unitAmount);
            line.put("quantity", quantity);
            lines.add(line);
        }
        String successUrl = form.text("success_url");
        if (successUrl == null) {
            throw StripeError.missing("success_url");
        }
        Instant now = Instant.now();
        Long expiresAt = form.integer("expires_at");
        Instant expiry = expiresAt == null ? now.plus(LONGEST_EXPIRY) : Instant.ofEpochSecond(expiresAt);
        if (expiry.isBefore(now.plus(SHORTEST_EXPIRY).minus(EXPIRY_SLACK))) {
            throw StripeError.invalid("parameter_invalid",
                    "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.", "expires_at");
        }
        if (expiry.isAfter(now.plus(LONGEST_EXPIRY).plus(EXPIRY_SLACK))) {
            throw StripeError.invalid("parameter_invalid",
                    "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.", "expires_at");
        }
        return new CheckoutSessions.NewSession(sessions.write(lines), total, currency, form.text("client_reference_id"),
                form.texts("metadata"), successUrl, form.text("cancel_url"), expiry, drop);
    }

    private static String required(StripeForm item, String at, String... path) {
        String value = item.text(path);
        if (value == null) {
            throw StripeError.missing(at + StripeForm.name(path).replaceFirst("^([^\\[]+)", "[$1]"));
        }
        return value;
    }

    /** Compares the presented key with the configured one in constant time; none configured refuses all. */
    private void authorize(String authorization) {
        String key = properties.secretKey();
        if (key.isBlank() || authorization == null || !MessageDigest.isEqual(
                authorization.getBytes(StandardCharsets.UTF_8), ("Bearer " + key).getBytes(StandardCharsets.UTF_8))) {
            throw StripeError.unauthorized();
        }
    }

    private static ResponseEntity<String> ok(String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    static String baseUrl(ServerHttpRequest http) {
        var uri = http.getURI();
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
