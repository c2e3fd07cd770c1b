package dev.cardflow.platform.payment;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A buyer who has paid asks the platform to check, and a lost notification costs seconds: the
 * provider is asked at once, at most once per spacing however many requests come. The
 * fulfilment's own questions are slowed to ten minutes here (the same settings as
 * OperatorActionsIT, so both share one platform), so what finds the payment is the buyer's check.
 */
@PlatformTest
@TestPropertySource(properties = {
        "cardflow.fulfilment.step-retry=PT10M", "cardflow.fulfilment.step-retry-max=PT10M",
        "cardflow.fulfilment.step-timeout=PT10M", "cardflow.fulfilment.payment-check=PT10M",
        "cardflow.fulfilment.payment-check-max=PT10M", "cardflow.stuck.paid=PT1S"})
class PaymentCheckIT {

    @LocalServerPort
    int port;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
        shop.calmEverything();
    }

    @AfterEach
    void calm() {
        shop.calmEverything();
    }

    @Test
    void aPaymentWhoseNotificationIsLostIsFoundWhenTheBuyerAsks() {
        Product product = shop.pooledProduct("6.00", Shop.keys(1));
        shop.pspChaos(Map.of("callbackDropRate", 1.0));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        String paymentId = shop.awaitPayment(order);
        shop.pay(paymentId);
        await().atMost(Shop.PATIENCE).until(() -> "SUCCEEDED".equals(shop.pspPayment(paymentId).get("status").asText()));
        assertThat(shop.status(order)).as("the notification was lost").isEqualTo("PENDING_PAYMENT");

        JsonNode accepted = check(order, 202);

        assertThat(accepted.get("checkAgainAfterSeconds").asLong()).isEqualTo(2);
        shop.awaitStatus(order, "DELIVERED");
        JsonNode audit = shop.audit(order.orderId());
        assertThat(origin(audit, "PaymentCheckRequested")).isEqualTo("buyer");
        assertThat(origin(audit, "PaymentConfirmed")).isEqualTo("psp-status-check");
        assertThat(audit.get("sagaReplay").get("consistent").asBoolean()).as(audit.toString()).isTrue();
    }

    @Test
    void manyChecksAskTheProviderAtMostOncePerSpacing() {
        Product product = shop.pooledProduct("6.00", Shop.keys(1));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        shop.awaitPayment(order);

        long start = System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        IntStream.range(0, 20).parallel().forEach(i -> {
            int status = shop.http().post().uri("/api/orders/{id}/payment-check", order.orderId())
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + order.accessToken())
                    .exchange().returnResult(String.class).getStatus().value();
            synchronized (statuses) {
                statuses.add(status);
            }
        });
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(statuses).hasSize(20).containsOnly(202);
        long questions = count(shop.audit(order.orderId()), "PaymentCheckRequested");
        // one question per 2 s of spacing: a correctness bound, however fast or slow the requests were
        assertThat(questions).isBetween(1L, took.toMillis() / 2000 + 1);
    }

    @Test
    void aSettledOrderHasNothingToCheck() {
        Product product = shop.pooledProduct("6.00", Shop.keys(1));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");

        JsonNode accepted = check(order, 202);

        assertThat(accepted.get("checkAgainAfterSeconds").isNull()).isTrue();
        assertThat(count(shop.audit(order.orderId()), "PaymentCheckRequested")).isZero();
        shop.http().post().uri("/api/orders/{id}/payment-check", order.orderId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer wrong-token")
                .exchange().expectStatus().isNotFound();
    }

    private JsonNode check(PlacedOrder order, int expected) {
        return shop.json(shop.http().post().uri("/api/orders/{id}/payment-check", order.orderId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + order.accessToken())
                .exchange().expectStatus().isEqualTo(expected)
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private static long count(JsonNode audit, String type) {
        long n = 0;
        for (JsonNode event : audit.get("events")) {
            n += event.get("type").asText().equals(type) ? 1 : 0;
        }
        return n;
    }

    private static String origin(JsonNode audit, String type) {
        for (JsonNode event : audit.get("events")) {
            if (event.get("type").asText().equals(type)) {
                return event.get("metadata").path("origin").asText();
            }
        }
        throw new AssertionError("no " + type + " in " + audit);
    }
}
