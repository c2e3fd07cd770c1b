package dev.cardflow.simulator.psp;

import dev.cardflow.simulator.DemoOnly;
import dev.cardflow.simulator.Offload;
import dev.cardflow.simulator.SimulatorProperties;
import dev.cardflow.simulator.chaos.Chaos;
import dev.cardflow.simulator.chaos.ChaosKnobs;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The simulated payment service provider's API (API.md, "Payment service provider"). */
@DemoOnly
@RestController
@RequestMapping(path = "/simulator/psp", produces = MediaType.APPLICATION_JSON_VALUE)
public class PspController {

    static final String CHAOS = "psp";

    /** A payment request from a merchant. */
    public record CreatePayment(String merchantOrderId, String amount, String currency, String notifyUrl) {
    }

    /** A payment as the PSP reports it, with the ids of the refunds made on it. */
    public record PaymentView(String paymentId, String merchantOrderId, String status, String amount, String currency,
                              String payUrl, List<String> refunds) {
    }

    /** A refund request. */
    public record RefundRequest(String refundId, String amount) {
    }

    /** A refund's answer. */
    public record RefundView(String refundId, String status) {
    }

    private final Payments payments;
    private final Notifications notifications;
    private final Chaos chaos;
    private final SimulatorProperties properties;

    public PspController(Payments payments, Notifications notifications, Chaos chaos, SimulatorProperties properties) {
        this.payments = payments;
        this.notifications = notifications;
        this.chaos = chaos;
        this.properties = properties;
    }

    @PostMapping(path = "/v1/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<PaymentView> create(@RequestBody CreatePayment request, ServerHttpRequest http) {
        if (blank(request.merchantOrderId()) || blank(request.amount()) || blank(request.currency())
                || blank(request.notifyUrl())) {
            return Mono.error(badRequest("merchantOrderId, amount, currency and notifyUrl are required"));
        }
        try {
            if (new BigDecimal(request.amount()).signum() <= 0) {
                return Mono.error(badRequest("amount must be positive"));
            }
        } catch (NumberFormatException e) {
            return Mono.error(badRequest("amount must be a decimal string"));
        }
        String base = properties.publicUrl().isBlank() ? baseUrl(http) : properties.publicUrl();
        return disturbed(() -> {
            ChaosKnobs knobs = chaos.knobs(CHAOS);
            boolean drop = ThreadLocalRandom.current().nextDouble() < knobs.callbackDropRate();
            Payments.Payment p = payments.create(request.merchantOrderId(), request.amount(), request.currency(),
                    request.notifyUrl(), drop);
            if (!p.amount().equals(request.amount()) || !p.currency().equals(request.currency())) {
                throw new ResponseStatusException(HttpStatus.CONFLICT,
                        "merchant order " + p.merchantOrderId() + " already has a payment of another amount");
            }
            return view(p, base);
        });
    }

    @GetMapping("/v1/payments/{paymentId}")
    public Mono<PaymentView> get(@PathVariable String paymentId, ServerHttpRequest http) {
        return disturbed(() -> view(found(paymentId), baseUrl(http)));
    }

    @PostMapping(path = "/v1/payments/{paymentId}/refunds", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<RefundView> refund(@PathVariable String paymentId, @RequestBody RefundRequest request) {
        if (blank(request.refundId()) || blank(request.amount())) {
            return Mono.error(badRequest("refundId and amount are required"));
        }
        return disturbed(() -> {
            Payments.Payment p = found(paymentId);
            if (!p.status().equals("SUCCEEDED") && !p.status().equals("REFUNDED")) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "payment " + paymentId + " is " + p.status());
            }
            if (new BigDecimal(request.amount()).compareTo(new BigDecimal(p.amount())) > 0) {
                throw badRequest("a refund cannot exceed the payment");
            }
            Payments.Refund refund = payments.refund(paymentId, request.refundId(), request.amount());
            return new RefundView(refund.refundId(), "SUCCEEDED");
        });
    }

    /** The buyer pays (what the pay page's button does). Never disturbed: chaos is for the merchant's calls. */
    @PostMapping("/v1/payments/{paymentId}/complete")
    public Mono<PaymentView> complete(@PathVariable String paymentId, ServerHttpRequest http) {
        return settle(paymentId, "SUCCEEDED", http);
    }

    /** The buyer's payment attempt fails (a declined card); the payment can still be completed later. */
    @PostMapping("/v1/payments/{paymentId}/fail")
    public Mono<PaymentView> fail(@PathVariable String paymentId, ServerHttpRequest http) {
        return settle(paymentId, "FAILED", http);
    }

    @GetMapping("/v1/simulation")
    public Mono<ChaosKnobs> simulation() {
        return Offload.jdbc(() -> chaos.knobs(CHAOS));
    }

    @PutMapping(path = "/v1/simulation", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ChaosKnobs> changeSimulation(@RequestBody ChaosKnobs.ChaosChange change) {
        return Offload.jdbc(() -> chaos.change(CHAOS, change));
    }

    private Mono<PaymentView> settle(String paymentId, String status, ServerHttpRequest http) {
        return Offload.jdbc(() -> {
            Payments.Payment p = found(paymentId);
            ChaosKnobs knobs = chaos.knobs(CHAOS);
            payments.settle(paymentId, status, () -> notifications.enqueue(p, status, knobs));
            return view(found(paymentId), baseUrl(http));
        });
    }

    private <T> Mono<T> disturbed(java.util.concurrent.Callable<T> work) {
        return chaos.disturbed(CHAOS, work);
    }

    private Payments.Payment found(String paymentId) {
        return payments.find(paymentId).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no payment " + paymentId));
    }

    private PaymentView view(Payments.Payment p, String base) {
        return new PaymentView(p.paymentId(), p.merchantOrderId(), p.status(), p.amount(), p.currency(),
                base + "/simulator/psp/pay/" + p.paymentId(), payments.refundIds(p.paymentId()));
    }

    static String baseUrl(ServerHttpRequest http) {
        var uri = http.getURI();
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ResponseStatusException badRequest(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
