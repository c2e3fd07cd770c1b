package dev.cardflow.platform.admin;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Operators fix orders through HTTP: refund, retry, cancel, confirm a payment the PSP never
 * reported, resend the delivery mail — each recorded with the operator and the reason, and each
 * visible to the audit as a manual step. The fulfilment's own retries are slowed to ten minutes
 * here, so that what unblocks an order is the operator.
 */
@PlatformTest
@TestPropertySource(properties = {
        "cardflow.fulfilment.step-retry=PT10M", "cardflow.fulfilment.step-retry-max=PT10M",
        "cardflow.fulfilment.step-timeout=PT10M", "cardflow.fulfilment.payment-check=PT10M",
        "cardflow.fulfilment.payment-check-max=PT10M", "cardflow.stuck.paid=PT1S"})
class OperatorActionsIT {

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
    void refundOfADeliveredOrderEndsRefundedOnceWithTheOperatorRecorded() {
        Product product = shop.pooledProduct("8.00", Shop.keys(1));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        String paymentId = shop.awaitPayment(order);
        shop.pay(paymentId);
        shop.awaitStatus(order, "DELIVERED");

        assertThat(shop.operator(order.orderId(), "refund", Map.of("reason", "buyer could not redeem"))).isEqualTo(202);
        JsonNode refunded = shop.awaitStatus(order, "REFUNDED");
        assertThat(shop.operator(order.orderId(), "refund", Map.of("reason", "clicked twice"))).isEqualTo(202);

        assertThat(refunded.get("reason").asText()).contains("buyer could not redeem");
        assertThat(shop.pspPayment(paymentId).get("refunds")).hasSize(1);
        JsonNode refundRequested = event(shop.audit(order.orderId()), "RefundRequested");
        assertThat(refundRequested.get("metadata").get("operator").asText()).isEqualTo("admin");
        assertThat(refundRequested.get("metadata").get("operatorReason").asText()).isEqualTo("buyer could not redeem");
        assertThat(refundRequested.get("metadata").get("origin").asText()).isEqualTo("operator");
    }

    @Test
    void retryOfAnOrderStuckWaitingForItsKeysDeliversIt() {
        shop.supplierChaos("primary", Map.of("failureRate", 1.0));
        shop.supplierChaos("backup", Map.of("failureRate", 1.0));
        Product product = shop.upstreamProduct("5.00", "SKU-" + Shop.shortId());
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(order));
        await().atMost(Shop.PATIENCE).until(() -> Shop.entries(shop.order(order), "supplier-retry") == 1);
        assertThat(shop.status(order)).isEqualTo("PAID");

        await().atMost(Shop.PATIENCE).until(() -> stuckIds().contains(order.orderId()));
        assertThat(stuckGauge("PAID")).isGreaterThanOrEqualTo(1.0);

        shop.calmEverything();
        assertThat(shop.operator(order.orderId(), "retry-fulfilment", Map.of("reason", "supplier is back")))
                .isEqualTo(202);
        JsonNode delivered = shop.awaitStatus(order, "DELIVERED");

        assertThat(delivered.get("cardKeys")).hasSize(1);
        JsonNode retry = event(shop.audit(order.orderId()), "FulfilmentRetryRequested");
        assertThat(retry.get("metadata").get("operator").asText()).isEqualTo("admin");
        assertThat(retry.get("metadata").get("operatorReason").asText()).isEqualTo("supplier is back");
    }

    @Test
    void cancelOfAnUnpaidOrderReleasesItsStockAndAPaidOrderCannotBeCancelled() {
        Product product = shop.pooledProduct("3.00", Shop.keys(2));
        PlacedOrder unpaid = shop.place(product.productId(), 1, Shop.email());
        shop.awaitPayment(unpaid);
        PlacedOrder paid = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(paid));
        shop.awaitStatus(paid, "DELIVERED");

        assertThat(shop.operator(unpaid.orderId(), "cancel", Map.of("reason", "duplicate order"))).isEqualTo(202);
        JsonNode cancelled = shop.awaitStatus(unpaid, "CANCELLED");
        assertThat(shop.operator(unpaid.orderId(), "cancel", Map.of("reason", "again"))).isEqualTo(202);

        assertThat(cancelled.get("reason").asText()).contains("duplicate order");
        await().atMost(Shop.PATIENCE).until(() -> shop.available(product.productId()) == 1);
        assertThat(shop.operator(paid.orderId(), "cancel", Map.of("reason", "too late"))).isEqualTo(409);
        assertThat(shop.status(paid)).isEqualTo("DELIVERED");
        assertThat(event(shop.audit(unpaid.orderId()), "OrderCancelled").get("metadata").get("operator").asText())
                .isEqualTo("admin");
    }

    @Test
    void refundOrRetryAreRefusedWhereTheStatusDoesNotAllowThem() {
        Product product = shop.pooledProduct("3.00", Shop.keys(1));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        shop.awaitPayment(order);

        assertThat(shop.operator(order.orderId(), "refund", Map.of("reason", "nothing paid yet"))).isEqualTo(409);
        assertThat(shop.operator(order.orderId(), "resend-delivery-notification", Map.of())).isEqualTo(409);
        assertThat(shop.operator(order.orderId(), "cancel", Map.of())).isEqualTo(400);
        assertThat(shop.operator("no-such-order", "cancel", Map.of("reason", "x"))).isEqualTo(404);
        shop.operator(order.orderId(), "cancel", Map.of("reason", "cleanup"));
        shop.awaitStatus(order, "CANCELLED");
        assertThat(shop.operator(order.orderId(), "retry-fulfilment", Map.of())).isEqualTo(409);
    }

    @Test
    void paymentThePspNeverReportedIsConfirmedByHandAndDeliveredOnce() {
        shop.pspChaos(Map.of("callbackDropRate", 1.0));
        Product product = shop.pooledProduct("6.00", Shop.keys(1));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        String paymentId = shop.awaitPayment(order);
        shop.pay(paymentId);
        assertThat(shop.status(order)).isEqualTo("PENDING_PAYMENT");

        assertThat(shop.operator(order.orderId(), "confirm-payment",
                Map.of("pspTradeNo", paymentId, "note", "seen in the PSP's dashboard"))).isEqualTo(202);
        JsonNode delivered = shop.awaitStatus(order, "DELIVERED");
        assertThat(shop.operator(order.orderId(), "confirm-payment",
                Map.of("pspTradeNo", paymentId, "note", "again"))).isEqualTo(202);

        assertThat(Shop.entries(delivered, "payment-confirmed")).isEqualTo(1);
        assertThat(Shop.entries(shop.order(order), "delivered")).isEqualTo(1);
        JsonNode confirmed = event(shop.audit(order.orderId()), "PaymentConfirmed");
        assertThat(confirmed.get("metadata").get("operatorReason").asText()).isEqualTo("seen in the PSP's dashboard");
    }

    @Test
    void deliveryMailIsSentOnDeliveryAndAgainWhenAnOperatorAsks() {
        Product product = shop.pooledProduct("2.00", Shop.keys(1));
        String email = Shop.email();
        PlacedOrder order = shop.place(product.productId(), 1, email);
        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");
        await().atMost(Shop.PATIENCE).until(() -> shop.mailbox(email).size() == 1);

        assertThat(shop.operator(order.orderId(), "resend-delivery-notification", Map.of())).isEqualTo(202);

        await().atMost(Shop.PATIENCE).until(() -> shop.mailbox(email).size() == 2);
        JsonNode mail = shop.mailbox(email).get(1);
        assertThat(mail.get("text").asText()).contains("/orders/" + order.orderId() + "?token=" + order.accessToken());
        assertThat(mail.get("text").asText()).doesNotContain("KEY-");
    }

    private List<String> stuckIds() {
        JsonNode page = shop.json(shop.asAdmin(shop.http().get().uri("/admin/api/orders?stuck=true")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        List<String> ids = new ArrayList<>();
        page.get("orders").forEach(o -> ids.add(o.get("orderId").asText()));
        return ids;
    }

    private double stuckGauge(String status) {
        String metrics = shop.asAdmin(shop.http().get().uri("/actuator/prometheus")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return metrics.lines()
                .filter(l -> l.startsWith("cardflow_orders_stuck{") && l.contains("status=\"" + status + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }

    static JsonNode event(JsonNode audit, String type) {
        for (JsonNode event : audit.get("events")) {
            if (event.get("type").asText().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " in " + audit);
    }
}
