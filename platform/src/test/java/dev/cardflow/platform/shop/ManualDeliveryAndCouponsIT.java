package dev.cardflow.platform.shop;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shop owner's manual delivery (代充) and coupons, over HTTP: a MANUAL order asks the buyer's fields, waits paid for
 * an operator and is delivered with the operator's lines; a coupon's uses are exact however many buyers race for
 * them, its discount is what the buyer pays less, and an order cancelled unpaid gives its use back.
 */
@PlatformTest
@TestPropertySource(properties = {"cardflow.stuck.paid=PT2S", "cardflow.alert.check-interval=PT1S"})
class ManualDeliveryAndCouponsIT {

    @LocalServerPort
    int port;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
        shop.calmEverything();
    }

    // --- manual delivery ---

    @Test
    void aPaidManualOrderWaitsForTheOperatorWhoDeliversItWithTheOperatorInTheEventMetadata() {
        String product = manualProduct("12.00", List.of(
                Map.of("name", "accountId", "label", "Game account ID", "required", true),
                Map.of("name", "server", "label", "Server", "required", false)));
        PlacedOrder order = accepted(place(Map.of("productId", product, "quantity", 1, "email", Shop.email(),
                "fields", Map.of("accountId", "player-42")), UUID.randomUUID().toString()));

        shop.pay(shop.awaitPayment(order));
        await().atMost(Shop.PATIENCE).until(() -> Shop.entries(shop.order(order), "awaiting-operator") == 1);
        assertThat(shop.status(order)).isEqualTo("PAID");
        JsonNode listed = shop.adminOrders(order.orderId()).get(0);
        assertThat(listed.get("fields").get("accountId").asText()).isEqualTo("player-42");
        assertThat(listed.get("source").asText()).isEqualTo("MANUAL");

        assertThat(shop.operator(order.orderId(), "deliver",
                Map.of("content", List.of("Topped up 1000 gems", "Ref TX-778")))).isEqualTo(202);
        JsonNode delivered = shop.awaitStatus(order, "DELIVERED");

        assertThat(delivered.get("cardKeys")).extracting(JsonNode::asText)
                .containsExactly("Topped up 1000 gems", "Ref TX-778");
        assertThat(shop.operator(order.orderId(), "deliver", Map.of("content", List.of("again")))).isEqualTo(409);
        JsonNode audit = shop.audit(order.orderId());
        JsonNode deliveredEvent = event(audit, "OrderDelivered");
        assertThat(deliveredEvent.get("metadata").get("operator").asText()).isEqualTo("admin");
        assertThat(deliveredEvent.get("metadata").get("origin").asText()).isEqualTo("operator");
        assertThat(audit.get("sagaReplay").get("consistent").asBoolean())
                .as("the audit's replay: %s", audit.get("sagaReplay")).isTrue();
    }

    @Test
    void aManualOrderWaitingForTheOperatorLongerThanPaidOrdersMayTakeIsListedAndAlertedAsStuck() {
        String product = manualProduct("7.00", List.of(Map.of("name", "uid", "label", "UID", "required", true)));
        PlacedOrder order = accepted(place(Map.of("productId", product, "quantity", 1, "email", Shop.email(),
                "fields", Map.of("uid", "10001")), UUID.randomUUID().toString()));
        shop.pay(shop.awaitPayment(order));
        await().atMost(Shop.PATIENCE).until(() -> Shop.entries(shop.order(order), "awaiting-operator") == 1);

        await().atMost(Shop.PATIENCE).until(() -> {
            JsonNode stuck = shop.json(shop.asAdmin(shop.http().get().uri("/admin/api/orders?stuck=true&size=200"))
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
            for (JsonNode o : stuck.get("orders")) {
                if (o.get("orderId").asText().equals(order.orderId())) {
                    return true;
                }
            }
            return false;
        });
        await().atMost(Shop.PATIENCE).until(() -> {
            JsonNode alerts = shop.json(shop.asAdmin(shop.http().get().uri("/admin/api/alerts?kind=order-stuck&limit=500"))
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
            for (JsonNode alert : alerts) {
                if (alert.get("subject").asText().equals(order.orderId())) {
                    return true;
                }
            }
            return false;
        });
    }

    @Test
    void aManualOrderWithoutItsRequiredFieldOrWithAFieldItDoesNotAskIsRefused() {
        String product = manualProduct("3.00", List.of(
                Map.of("name", "accountId", "label", "Game account ID", "required", true)));

        EntityExchangeResult<String> missing = place(Map.of("productId", product, "quantity", 1,
                "email", Shop.email()), UUID.randomUUID().toString());
        EntityExchangeResult<String> unknown = place(Map.of("productId", product, "quantity", 1,
                "email", Shop.email(), "fields", Map.of("accountId", "p-1", "password", "hunter2")),
                UUID.randomUUID().toString());
        EntityExchangeResult<String> tooLong = place(Map.of("productId", product, "quantity", 1,
                "email", Shop.email(), "fields", Map.of("accountId", "x".repeat(201))), UUID.randomUUID().toString());

        assertThat(missing.getStatus().value()).isEqualTo(400);
        assertThat(shop.json(missing.getResponseBody()).get("type").asText()).endsWith("missing-field");
        assertThat(unknown.getStatus().value()).isEqualTo(400);
        assertThat(tooLong.getStatus().value()).isEqualTo(400);
    }

    @Test
    void onlyAPaidManualOrderCanBeDeliveredByHand() {
        String manual = manualProduct("3.00", List.of());
        PlacedOrder unpaid = shop.place(manual, 1, Shop.email());
        shop.awaitPayment(unpaid);
        Shop.Product pooled = shop.pooledProduct("4.00", Shop.keys(1));
        PlacedOrder automatic = shop.place(pooled.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(automatic));
        shop.awaitStatus(automatic, "DELIVERED");

        assertThat(shop.operator(unpaid.orderId(), "deliver", Map.of("content", List.of("too early")))).isEqualTo(409);
        assertThat(shop.operator(automatic.orderId(), "deliver", Map.of("content", List.of("not mine"))))
                .isEqualTo(409);
        assertThat(shop.operator(unpaid.orderId(), "deliver", Map.of("content", List.of()))).isEqualTo(400);
    }

    // --- coupons ---

    @Test
    void twentyBuyersRacingForACouponWithThreeUsesGetExactlyThreeOrders() throws Exception {
        Shop.Product product = shop.pooledProduct("5.00", Shop.keys(20));
        String code = coupon(Map.of("kind", "PERCENT", "value", "10", "maxUses", 3));

        int buyers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<EntityExchangeResult<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < buyers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return place(Map.of("productId", product.productId(), "quantity", 1, "email", Shop.email(),
                            "couponCode", code.toLowerCase()), UUID.randomUUID().toString());
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<EntityExchangeResult<String>> answer : answers) {
                EntityExchangeResult<String> result = answer.get();
                if (result.getStatus().value() == 202) {
                    accepted++;
                } else {
                    assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(400);
                    assertThat(shop.json(result.getResponseBody()).get("type").asText()).endsWith("invalid-coupon");
                }
            }
            assertThat(accepted).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Shop.PATIENCE).until(() -> coupon(code).get("used").asInt() == 3);
    }

    @Test
    void percentAndFixedCouponsTakeTheirDiscountOffWhatTheBuyerPays() {
        Shop.Product product = shop.pooledProduct("9.90", Shop.keys(3));
        String percent = coupon(Map.of("kind", "PERCENT", "value", "25"));
        String fixed = coupon(Map.of("kind", "FIXED", "value", "5.00", "currency", "EUR",
                "productIds", List.of(product.productId()), "minAmount", "10.00"));
        String huge = coupon(Map.of("kind", "FIXED", "value", "100", "currency", "EUR"));

        JsonNode byPercent = orderWith(product.productId(), 2, percent);
        JsonNode byFixed = orderWith(product.productId(), 2, fixed);
        JsonNode byHuge = orderWith(product.productId(), 1, huge);

        assertThat(byPercent.get("amount").asText()).isEqualTo("14.85");
        assertThat(byPercent.get("discount").asText()).isEqualTo("4.95");
        assertThat(byPercent.get("couponCode").asText()).isEqualTo(percent);
        assertThat(byFixed.get("amount").asText()).isEqualTo("14.80");
        assertThat(byFixed.get("discount").asText()).isEqualTo("5.00");
        assertThat(byHuge.get("amount").asText()).isEqualTo("0.01");
        assertThat(byHuge.get("discount").asText()).isEqualTo("9.89");
        // the minimum amount: one key costs 9.90, under the fixed coupon's 10.00
        EntityExchangeResult<String> tooSmall = place(Map.of("productId", product.productId(), "quantity", 1,
                "email", Shop.email(), "couponCode", fixed), UUID.randomUUID().toString());
        assertThat(tooSmall.getStatus().value()).isEqualTo(400);
        assertThat(shop.json(tooSmall.getResponseBody()).get("type").asText()).endsWith("invalid-coupon");
    }

    @Test
    void unknownDisabledExpiredAndDuplicateCouponsAreRefused() {
        Shop.Product product = shop.pooledProduct("2.00", Shop.keys(1));
        String disabled = coupon(Map.of("kind", "PERCENT", "value", "10"));
        String expired = coupon(Map.of("kind", "PERCENT", "value", "10", "expiresAt", "2020-01-01T00:00:00Z"));
        shop.asAdmin(shop.http().delete().uri("/admin/api/coupons/{code}", disabled)).exchange()
                .expectStatus().isNoContent();

        for (String code : List.of("NO-SUCH-" + Shop.shortId(), disabled, expired)) {
            EntityExchangeResult<String> refused = place(Map.of("productId", product.productId(), "quantity", 1,
                    "email", Shop.email(), "couponCode", code), UUID.randomUUID().toString());
            assertThat(refused.getStatus().value()).as(code).isEqualTo(400);
            assertThat(shop.json(refused.getResponseBody()).get("type").asText()).endsWith("invalid-coupon");
        }
        assertThat(shop.available(product.productId())).isEqualTo(1);
        shop.asAdmin(shop.http().post().uri("/admin/api/coupons").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("code", expired.toLowerCase(), "kind", "PERCENT", "value", "5")))
                .exchange().expectStatus().isEqualTo(409);
        await().atMost(Shop.PATIENCE).until(() -> coupon(disabled).get("disabled").asBoolean());
    }

    @Test
    void aRetriedPlacementTakesNoSecondUseAndACancelledUnpaidOrderGivesItsUseBack() {
        Shop.Product product = shop.pooledProduct("6.00", Shop.keys(2));
        String code = coupon(Map.of("kind", "FIXED", "value", "1.00", "currency", "EUR", "maxUses", 1));
        String key = UUID.randomUUID().toString();
        String email = Shop.email();
        Map<String, Object> body = Map.of("productId", product.productId(), "quantity", 1, "email", email,
                "couponCode", code);

        PlacedOrder first = accepted(place(body, key));
        PlacedOrder again = accepted(place(body, key));
        assertThat(again.orderId()).isEqualTo(first.orderId());
        await().atMost(Shop.PATIENCE).until(() -> coupon(code).get("used").asInt() == 1);
        assertThat(place(Map.of("productId", product.productId(), "quantity", 1, "email", Shop.email(),
                "couponCode", code), UUID.randomUUID().toString()).getStatus().value()).isEqualTo(400);

        shop.awaitPayment(first);
        assertThat(shop.operator(first.orderId(), "cancel", Map.of("reason", "buyer changed their mind")))
                .isEqualTo(202);
        shop.awaitStatus(first, "CANCELLED");

        await().atMost(Shop.PATIENCE).until(() -> coupon(code).get("used").asInt() == 0);
        PlacedOrder next = accepted(place(Map.of("productId", product.productId(), "quantity", 1,
                "email", Shop.email(), "couponCode", code), UUID.randomUUID().toString()));
        await().atMost(Shop.PATIENCE).until(() -> shop.order(next).hasNonNull("discount"));
        assertThat(shop.order(next).get("amount").asText()).isEqualTo("5.00");
    }

    // --- helpers ---

    private String manualProduct(String price, List<Map<String, Object>> buyerFields) {
        JsonNode created = shop.json(shop.asAdmin(shop.http().post().uri("/admin/api/products")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("name", "Top-up " + Shop.shortId(), "price", price, "currency", "EUR",
                                "source", "MANUAL", "buyerFields", buyerFields)))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
        String productId = created.get("productId").asText();
        await().atMost(Shop.PATIENCE).until(() -> {
            for (JsonNode p : shop.json(shop.http().get().uri("/api/products").exchange().expectBody(String.class)
                    .returnResult().getResponseBody())) {
                if (p.get("productId").asText().equals(productId)) {
                    return p.get("buyerFields").size() == buyerFields.size();
                }
            }
            return false;
        });
        return productId;
    }

    private EntityExchangeResult<String> place(Map<String, Object> body, String idempotencyKey) {
        return shop.http().post().uri("/api/orders").header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectBody(String.class).returnResult();
    }

    private PlacedOrder accepted(EntityExchangeResult<String> result) {
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(202);
        JsonNode accepted = shop.json(result.getResponseBody());
        return new PlacedOrder(accepted.get("orderId").asText(), accepted.get("accessToken").asText());
    }

    /** Places an order with the coupon and returns its view once projected (with its amount). */
    private JsonNode orderWith(String productId, int quantity, String code) {
        PlacedOrder order = accepted(place(Map.of("productId", productId, "quantity", quantity,
                "email", Shop.email(), "couponCode", code), UUID.randomUUID().toString()));
        await().atMost(Shop.PATIENCE).until(() -> shop.order(order).hasNonNull("amount"));
        return shop.order(order);
    }

    /** Creates a coupon of a fresh code with {@code rules}; returns its code. */
    private String coupon(Map<String, Object> rules) {
        String code = "IT-" + Shop.shortId().toUpperCase();
        Map<String, Object> body = new java.util.HashMap<>(rules);
        body.put("code", code);
        shop.asAdmin(shop.http().post().uri("/admin/api/coupons").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)).exchange().expectStatus().isCreated();
        return code;
    }

    private JsonNode coupon(String code) {
        JsonNode all = shop.json(shop.asAdmin(shop.http().get().uri("/admin/api/coupons")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        for (JsonNode coupon : all) {
            if (coupon.get("code").asText().equals(code)) {
                return coupon;
            }
        }
        return shop.json("{\"used\": -1, \"disabled\": false}");
    }

    private static JsonNode event(JsonNode audit, String type) {
        for (JsonNode event : audit.get("events")) {
            if (event.get("type").asText().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " in the audit");
    }
}
