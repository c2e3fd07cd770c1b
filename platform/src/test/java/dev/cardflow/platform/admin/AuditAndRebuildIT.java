package dev.cardflow.platform.admin;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Auditors replay what the fulfilment decided; operators rebuild a projection and get the same view. */
@PlatformTest
class AuditAndRebuildIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
    }

    @Test
    void auditOfANormalOrderIsConsistentAndShowsWhoCausedEachEvent() {
        Product product = shop.pooledProduct("5.00", Shop.keys(1));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");
        await().atMost(Shop.PATIENCE).until(() -> Shop.entries(shop.order(order), "notification-sent") == 1);

        JsonNode audit = shop.audit(order.orderId());

        assertThat(audit.get("sagaReplay").get("consistent").asBoolean()).isTrue();
        assertThat(audit.get("sagaReplay").get("discrepancies")).isEmpty();
        assertThat(types(audit)).containsExactly("OrderPlaced", "StockReserved", "PaymentRequested",
                "PaymentConfirmed", "StockIssued", "OrderDelivered", "BuyerNotified");
        assertThat(origin(audit, "OrderPlaced")).isEqualTo("buyer");
        assertThat(origin(audit, "BuyerNotified")).isEqualTo("notification");
        assertThat(origin(audit, "PaymentConfirmed")).isEqualTo("psp-notification");
        assertThat(origin(audit, "StockIssued")).isEqualTo("fulfilment");
        for (JsonNode event : audit.get("events")) {
            assertThat(event.get("metadata").get("traceId").asText()).isNotBlank();
            assertThat(event.get("metadata").get("correlationId").asText()).isNotBlank();
        }
        String decisions = audit.get("sagaReplay").get("decisions").toString();
        assertThat(decisions).contains("send ReserveStock", "send IssueReservedStock", "send DeliverOrder", "end");
        assertThat(audit.toString()).doesNotContain("KEY-");
    }

    @Test
    void auditOfAnOrderAnOperatorRefundedReportsTheManualStep() {
        Product product = shop.pooledProduct("5.00", Shop.keys(1));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");
        shop.operator(order.orderId(), "refund", Map.of("reason", "chargeback threatened"));
        shop.awaitStatus(order, "REFUNDED");

        JsonNode replay = shop.audit(order.orderId()).get("sagaReplay");

        assertThat(replay.get("consistent").asBoolean()).isFalse();
        assertThat(replay.get("discrepancies")).hasSize(1);
        JsonNode manual = replay.get("discrepancies").get(0);
        assertThat(manual.get("kind").asText()).isEqualTo("manual-intervention");
        assertThat(manual.get("event").asText()).isEqualTo("RefundRequested");
        assertThat(manual.get("operator").asText()).isEqualTo("admin");
        assertThat(manual.get("reason").asText()).isEqualTo("chargeback threatened");
        assertThat(replay.get("decisions").toString()).contains("RefundPayment");
    }

    @Test
    void bulkAuditCountsConsistentOrdersInATimeRange() {
        Instant from = Instant.now().minusSeconds(1);
        Product product = shop.pooledProduct("1.00", Shop.keys(3));
        PlacedOrder delivered = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(delivered));
        PlacedOrder refunded = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(refunded));
        shop.awaitStatus(delivered, "DELIVERED");
        shop.awaitStatus(refunded, "DELIVERED");
        shop.operator(refunded.orderId(), "refund", Map.of("reason", "goodwill"));
        shop.awaitStatus(refunded, "REFUNDED");

        JsonNode bulk = shop.json(shop.asAdmin(shop.http().get().uri(u -> u.path("/admin/api/audit")
                        .queryParam("from", from.toString()).queryParam("to", Instant.now().plusSeconds(1).toString())
                        .build())).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody());

        JsonNode inconsistent = bulk.get("inconsistent");
        assertThat(bulk.get("orders").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(bulk.get("consistent").asInt()).isEqualTo(bulk.get("orders").asInt() - inconsistent.size());
        assertThat(inconsistent.toString()).contains(refunded.orderId()).doesNotContain(delivered.orderId());
    }

    @Test
    void rebuildOfTheOrderStatusProjectionReproducesTheLiveViewRowForRow() {
        Product product = shop.pooledProduct("2.00", Shop.keys(3));
        PlacedOrder paid = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(paid));
        PlacedOrder waiting = shop.place(product.productId(), 1, Shop.email());
        shop.awaitPayment(waiting);
        shop.awaitStatus(paid, "DELIVERED");
        // the delivery mail's record is the order's last change
        await().atMost(Shop.PATIENCE).until(() -> Shop.entries(shop.order(paid), "notification-sent") == 1);
        List<Map<String, Object>> before = rows();

        shop.asAdmin(shop.http().post().uri("/admin/api/projections/order-status/rebuild")).exchange()
                .expectStatus().isAccepted();
        await().atMost(Shop.PATIENCE).pollInterval(Duration.ofMillis(200)).until(this::orderStatusCaughtUp);

        assertThat(rows()).isEqualTo(before);
        assertThat(shop.order(paid).get("status").asText()).isEqualTo("DELIVERED");
        shop.asAdmin(shop.http().post().uri("/admin/api/projections/fulfilment/rebuild")).exchange()
                .expectStatus().isNotFound();
    }

    private boolean orderStatusCaughtUp() {
        JsonNode processors = shop.json(shop.asAdmin(shop.http().get().uri("/admin/api/projections")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        for (JsonNode p : processors) {
            if (p.get("name").asText().equals("order-status")) {
                boolean caughtUp = true;
                for (JsonNode segment : p.get("segments")) {
                    caughtUp &= segment.get("caughtUp").asBoolean() && !segment.get("replaying").asBoolean();
                }
                return p.get("running").asBoolean() && !p.get("replaying").asBoolean() && caughtUp
                        && p.get("segments").size() > 0;
            }
        }
        return false;
    }

    private List<Map<String, Object>> rows() {
        return jdbc.queryForList("select order_id, status, product_id, product_name, quantity, amount, currency, "
                + "email, payment_id, pay_url, pay_by, card_keys::text as card_keys, reason, timeline::text as timeline, "
                + "placed_at, status_since, updated_at, version from order_status order by order_id");
    }

    private static List<String> types(JsonNode audit) {
        List<String> types = new java.util.ArrayList<>();
        audit.get("events").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    private static String origin(JsonNode audit, String type) {
        return OperatorActionsIT.event(audit, type).get("metadata").get("origin").asText();
    }
}
