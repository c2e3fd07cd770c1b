package dev.cardflow.fulfilment.payment;

import dev.cardflow.api.common.Money;
import dev.cardflow.fulfilment.OrderPages;
import dev.cardflow.fulfilment.resilience.OutboundCalls;
import dev.cardflow.infrastructure.payment.EpaySignature;
import dev.cardflow.infrastructure.payment.PaymentProviderSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The {@link PaymentGateway} of an EPay (易支付 v1) gateway: the buyer is sent to its signed
 * {@code submit.php} (no call needed to create a payment: the order id is the merchant's trade
 * number), payments are reconciled with {@code api.php?act=order} and refunded with
 * {@code api.php?act=refund}. Many gateways cannot refund; their refusal is a failed try, and once
 * the budget is spent an operator refunds by hand. Calls are timed, retried and breaker-guarded as {@code epay}.
 */
public class EpayPaymentGateway implements PaymentGateway {

    static final String CALLS = "epay";

    /** The gateway answered, but did not do what was asked (wrong key, unknown order, no refunds). */
    static final class EpayRefusal extends RuntimeException {
        EpayRefusal(String message) {
            super(message);
        }
    }

    private final WebClient http;
    private final Supplier<String> gatewayUrl;
    private final PaymentProviderSettings.Epay merchant;
    private final OrderPages pages;
    private final OutboundCalls calls;
    private final ObjectMapper json;

    /** {@code gatewayUrl} is resolved at call time (the bundled simulator's port is known only once started). */
    public EpayPaymentGateway(WebClient.Builder http, Supplier<String> gatewayUrl, PaymentProviderSettings.Epay merchant,
                              OrderPages pages, OutboundCalls calls, ObjectMapper json) {
        this.http = http.build();
        this.gatewayUrl = gatewayUrl;
        this.merchant = merchant;
        this.pages = pages;
        this.calls = calls;
        this.json = json;
    }

    @Override
    public CompletableFuture<CreatedPayment> createPayment(PaymentRequest request) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("pid", merchant.pid());
        p.put("type", merchant.type());
        p.put("out_trade_no", request.orderId());
        p.put("notify_url", pages.base() + "/api/payments/epay/notify");
        p.put("return_url", pages.paymentReturn(request.orderId()));
        p.put("name", name(request));
        p.put("money", request.amount().amount().setScale(2).toPlainString());
        p.put("sign", EpaySignature.sign(p, merchant.key()));
        p.put("sign_type", "MD5");
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(gatewayUrl.get() + "submit.php");
        p.forEach(url::queryParam);
        String payUrl = url.encode(StandardCharsets.UTF_8).build().toUriString();
        return CompletableFuture.completedFuture(new CreatedPayment(request.orderId(), payUrl));
    }

    private static String name(PaymentRequest request) {
        String product = request.description() == null ? "Order " + request.orderId() : request.description();
        return request.quantity() == 1 ? product : product + " x" + request.quantity();
    }

    @Override
    public CompletableFuture<PaymentState> paymentState(String orderId, String paymentId) {
        return order(orderId).map(o -> {
            boolean paid = o.path("code").asInt() == 1 && o.path("status").asInt() == 1;
            Money amount = paid && o.hasNonNull("money")
                    ? new Money(new BigDecimal(o.path("money").asText()), PaymentProviderSettings.EPAY_CURRENCY) : null;
            return new PaymentState(orderId, paid, amount, paid ? o.path("trade_no").asText(null) : null);
        }).toFuture();
    }

    @Override
    public CompletableFuture<Void> refund(String orderId, String paymentId, String refundId, Money amount) {
        Mono<Void> refund = order(orderId).flatMap(o -> {
            if (o.path("code").asInt() != 1 || o.path("trade_no").asText("").isEmpty()) {
                return Mono.error(new EpayRefusal("the gateway does not know order " + orderId + ": "
                        + o.path("msg").asText()));
            }
            String tradeNo = o.path("trade_no").asText();
            return calls.guard(CALLS, Mono.defer(() -> http.post()
                    .uri(gatewayUrl.get() + "api.php?act=refund")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData("pid", merchant.pid()).with("key", merchant.key())
                            .with("trade_no", tradeNo).with("money", amount.amount().setScale(2).toPlainString()))
                    .retrieve()
                    .bodyToMono(String.class))).map(this::parse).flatMap(answer -> answer.path("code").asInt() == 1
                    ? Mono.<Void>empty()
                    : Mono.error(new EpayRefusal("refund of " + tradeNo + " refused: " + answer.path("msg").asText())));
        });
        return refund.toFuture();
    }

    /** The gateway's record of the order ({@code api.php?act=order}). */
    private Mono<JsonNode> order(String orderId) {
        return calls.guard(CALLS, Mono.defer(() -> http.get()
                .uri(gatewayUrl.get() + "api.php?act=order&pid={pid}&key={key}&out_trade_no={order}",
                        merchant.pid(), merchant.key(), orderId)
                .retrieve()
                .bodyToMono(String.class))).map(this::parse);
    }

    /** Gateways answer JSON, often labelled text/html. */
    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new EpayRefusal("the gateway answered no JSON: " + (body.length() > 200 ? body.substring(0, 200) : body));
        }
    }
}
