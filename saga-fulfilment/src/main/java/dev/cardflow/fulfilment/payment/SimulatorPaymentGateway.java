package dev.cardflow.fulfilment.payment;

import dev.cardflow.api.common.Money;
import dev.cardflow.fulfilment.FulfilmentProperties;
import dev.cardflow.fulfilment.resilience.OutboundCalls;
import dev.cardflow.infrastructure.web.LocalServer;

import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link PaymentGateway} of the bundled PSP simulator, over its HTTP API (API.md, "Payment service
 * provider"), each call timed, retried and breaker-guarded. Demo mode only.
 */
public class SimulatorPaymentGateway implements PaymentGateway {

    static final String CALLS = "psp";

    private record PaymentBody(String paymentId, String payUrl, String merchantOrderId, String status,
                               BigDecimal amount, String currency) {
    }

    private final WebClient http;
    private final FulfilmentProperties.Psp psp;
    private final Environment environment;
    private final OutboundCalls calls;

    public SimulatorPaymentGateway(WebClient.Builder http, FulfilmentProperties.Psp psp, Environment environment,
                             OutboundCalls calls) {
        this.http = http.build();
        this.psp = psp;
        this.environment = environment;
        this.calls = calls;
    }

    @Override
    public CompletableFuture<CreatedPayment> createPayment(PaymentRequest request) {
        String orderId = request.orderId();
        Money amount = request.amount();
        Mono<PaymentBody> call = Mono.defer(() -> http.post()
                .uri(base() + "/v1/payments")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("merchantOrderId", orderId, "amount", amount.plain(), "currency", amount.currency(),
                        "notifyUrl", LocalServer.url(environment, psp.notifyUrl(), "/api/payments/notify")))
                .retrieve()
                .bodyToMono(PaymentBody.class));
        return calls.guard(CALLS, call)
                .map(body -> new CreatedPayment(body.paymentId(), body.payUrl()))
                .toFuture();
    }

    @Override
    public CompletableFuture<PaymentState> paymentState(String orderId, String paymentId) {
        Mono<PaymentBody> call = Mono.defer(() -> http.get()
                .uri(base() + "/v1/payments/{id}", paymentId)
                .retrieve()
                .bodyToMono(PaymentBody.class));
        return calls.guard(CALLS, call)
                .map(body -> new PaymentState(body.paymentId(),
                        "SUCCEEDED".equals(body.status()) || "REFUNDED".equals(body.status()),
                        body.amount() == null ? null : new Money(body.amount(), body.currency()), null))
                .toFuture();
    }

    @Override
    public CompletableFuture<Void> refund(String orderId, String paymentId, String refundId, Money amount) {
        Mono<Void> call = Mono.defer(() -> http.post()
                .uri(base() + "/v1/payments/{id}/refunds", paymentId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refundId", refundId, "amount", amount.plain()))
                .retrieve()
                .toBodilessEntity()
                .then());
        return calls.guard(CALLS, call).toFuture();
    }

    private String base() {
        return LocalServer.url(environment, psp.baseUrl(), "/simulator/psp");
    }
}
