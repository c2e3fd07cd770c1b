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

/** The {@link PaymentGateway} over the PSP's HTTP API (API.md), each call timed, retried and breaker-guarded. */
public class PspPaymentGateway implements PaymentGateway {

    static final String CALLS = "psp";

    private record PaymentBody(String paymentId, String payUrl, String merchantOrderId, String status,
                               BigDecimal amount, String currency) {
    }

    private final WebClient http;
    private final FulfilmentProperties.Psp psp;
    private final Environment environment;
    private final OutboundCalls calls;

    public PspPaymentGateway(WebClient.Builder http, FulfilmentProperties.Psp psp, Environment environment,
                             OutboundCalls calls) {
        this.http = http.build();
        this.psp = psp;
        this.environment = environment;
        this.calls = calls;
    }

    @Override
    public CompletableFuture<CreatedPayment> createPayment(String orderId, Money amount) {
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
    public CompletableFuture<PaymentState> paymentState(String paymentId) {
        Mono<PaymentBody> call = Mono.defer(() -> http.get()
                .uri(base() + "/v1/payments/{id}", paymentId)
                .retrieve()
                .bodyToMono(PaymentBody.class));
        return calls.guard(CALLS, call)
                .map(body -> new PaymentState(body.paymentId(), body.merchantOrderId(), body.status(),
                        body.amount() == null ? null : new Money(body.amount(), body.currency())))
                .toFuture();
    }

    @Override
    public CompletableFuture<Void> refund(String paymentId, String refundId, Money amount) {
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
