package dev.cardflow.platform.payment;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An order not paid in time is cancelled; a payment that comes after all is delivered if stock allows, or refunded. */
@PlatformTest
@TestPropertySource(properties = {
        "cardflow.fulfilment.payment-expiry=PT3S",
        "cardflow.fulfilment.step-timeout=PT5S"})
class LatePaymentIT {

    @LocalServerPort
    int port;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
    }

    @Test
    void unpaidOrderIsCancelledAndItsKeyGoesBackToStock() {
        Product product = shop.pooledProduct("6.00", Shop.keys(1));

        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());

        JsonNode cancelled = shop.awaitStatus(order, "CANCELLED");
        assertThat(cancelled.get("reason").asText()).contains("payment not received in time");
        assertThat(codes(cancelled)).containsSubsequence("stock-reserved", "awaiting-payment", "cancelled");
        assertThat(codes(awaitTimeline(order, "stock-released"))).containsSubsequence("cancelled", "stock-released");
        await().atMost(Shop.PATIENCE).until(() -> shop.available(product.productId()) == 1);
        assertThat(shop.pspPayment(paymentId(cancelled)).get("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void paymentAfterTheCancellationIsDeliveredWhileTheKeyIsStillThere() {
        List<String> keys = Shop.keys(1);
        Product product = shop.pooledProduct("6.00", keys);
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        String paymentId = paymentId(shop.awaitStatus(order, "CANCELLED"));
        await().atMost(Shop.PATIENCE).until(() -> shop.available(product.productId()) == 1);

        shop.pay(paymentId);

        JsonNode delivered = shop.awaitStatus(order, "DELIVERED");
        assertThat(codes(delivered)).containsSubsequence("cancelled", "late-payment", "reinstated", "delivered");
        assertThat(delivered.get("cardKeys")).hasSize(1);
        assertThat(delivered.get("cardKeys").get(0).asText()).isEqualTo(keys.get(0));
        assertThat(delivered.get("reason").isNull()).isTrue();
        assertThat(shop.pspPayment(paymentId).get("status").asText()).isEqualTo("SUCCEEDED");
        await().atMost(Shop.PATIENCE).until(() -> shop.available(product.productId()) == 0);
    }

    @Test
    void latePaymentForAKeySoldMeanwhileIsRefundedAndTheOtherBuyerKeepsTheKey() {
        List<String> keys = Shop.keys(1);
        Product product = shop.pooledProduct("6.00", keys);
        PlacedOrder late = shop.place(product.productId(), 1, Shop.email());
        String latePaymentId = paymentId(shop.awaitStatus(late, "CANCELLED"));
        await().atMost(Shop.PATIENCE).until(() -> shop.available(product.productId()) == 1);

        PlacedOrder prompt = shop.place(product.productId(), 1, Shop.email());
        // Paid at once; should the short expiry win even so, the payment arrives late but finds the key.
        shop.pay(paymentId(shop.awaitStatus(prompt, "PENDING_PAYMENT", "CANCELLED")));
        JsonNode sold = shop.awaitStatus(prompt, "DELIVERED");
        assertThat(sold.get("cardKeys").get(0).asText()).isEqualTo(keys.get(0));

        shop.pay(latePaymentId);

        JsonNode refunded = shop.awaitStatus(late, "REFUNDED");
        assertThat(refunded.get("reason").asText()).contains("out of stock");
        assertThat(codes(refunded))
                .containsSubsequence("cancelled", "late-payment", "out-of-stock", "refunding", "refunded")
                .doesNotContain("reinstated", "delivered");
        assertThat(refunded.get("cardKeys").isNull()).isTrue();
        JsonNode payment = shop.pspPayment(latePaymentId);
        assertThat(payment.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(payment.get("refunds")).hasSize(1);

        JsonNode keeper = shop.order(prompt);
        assertThat(keeper.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(keeper.get("cardKeys")).hasSize(1);
        assertThat(keeper.get("cardKeys").get(0).asText()).isEqualTo(keys.get(0));
        assertThat(shop.available(product.productId())).isZero();
    }

    private JsonNode awaitTimeline(PlacedOrder order, String code) {
        await().atMost(Shop.PATIENCE).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(codes(shop.order(order))).contains(code));
        return shop.order(order);
    }

    private static String paymentId(JsonNode order) {
        return order.get("payment").get("paymentId").asText();
    }

    private static List<String> codes(JsonNode order) {
        List<String> codes = new ArrayList<>();
        order.get("timeline").forEach(entry -> codes.add(entry.get("code").asText()));
        return codes;
    }
}
