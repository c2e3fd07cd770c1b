package dev.cardflow.platform.payment;

import dev.cardflow.platform.support.ProviderTest;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders paid through Stripe Checkout, over real HTTP between the platform (the official
 * stripe-java SDK) and the bundled Stripe simulator: webhooks lost, repeated and forged.
 */
@ProviderTest
class StripePaymentIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Shop shop;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
        chaos(Map.of("latencyMs", 0, "jitterMs", 0, "failureRate", 0, "timeoutRate", 0, "callbackDropRate", 0,
                "callbackDuplicateRate", 0, "callbackDelayMs", 0));
    }

    @Test
    void orderPaidOnStripesCheckoutPageIsDeliveredOnceThoughItsWebhookComesTwice() {
        List<String> keys = Shop.keys(1);
        Product product = shop.pooledProduct("12.50", keys);
        chaos(Map.of("callbackDuplicateRate", 1.0));
        PlacedOrder order = shop.placePaidBy("stripe", product.productId());

        JsonNode payment = awaitPayment(order);
        assertThat(payment.get("method").asText()).isEqualTo("stripe");
        assertThat(payment.get("paymentId").asText()).startsWith("cs_");
        JsonNode session = session(payment.get("paymentId").asText());
        assertThat(session.get("amount_total").asLong()).isEqualTo(1250);
        assertThat(session.get("currency").asText()).isEqualTo("eur");
        assertThat(session.get("client_reference_id").asText()).isEqualTo(order.orderId());
        assertThat(session.get("success_url").asText()).contains("/orders/" + order.orderId() + "?token=")
                .endsWith("&from=payment");
        assertThat(payment.get("payUrl").asText()).isEqualTo(session.get("url").asText());

        payOnCheckoutPage(payment.get("paymentId").asText());

        JsonNode delivered = shop.awaitStatus(order, "DELIVERED");
        assertThat(delivered.get("cardKeys").get(0).asText()).isEqualTo(keys.get(0));
        await().atMost(Shop.PATIENCE).until(() -> deliveredWebhooks(payment.get("paymentId").asText()) >= 2);
        JsonNode after = shop.order(order);
        assertThat(Shop.entries(after, "payment-confirmed")).isEqualTo(1);
        assertThat(Shop.entries(after, "delivered")).isEqualTo(1);
    }

    @Test
    void paymentWhoseWebhookIsLostIsFoundByRetrievingTheSession() {
        Product product = shop.pooledProduct("3.00", Shop.keys(1));
        chaos(Map.of("callbackDropRate", 1.0));
        PlacedOrder order = shop.placePaidBy("stripe", product.productId());
        String sessionId = awaitPayment(order).get("paymentId").asText();

        payOnCheckoutPage(sessionId);

        shop.awaitStatus(order, "DELIVERED");
        assertThat(deliveredWebhooks(sessionId)).isZero();
    }

    @Test
    void forgedOrStaleWebhooksAreRefusedAndChangeNothing() {
        Product product = shop.pooledProduct("4.00", Shop.keys(1));
        PlacedOrder order = shop.placePaidBy("stripe", product.productId());
        String sessionId = awaitPayment(order).get("paymentId").asText();
        String paid = event("checkout.session.completed", sessionId, order.orderId(), 400, "eur");
        long now = Instant.now().getEpochSecond();

        webhook(paid, signature(paid, now, "whsec_not_ours")).expectStatus().isBadRequest();
        webhook(paid, signature(paid, now - 600, ProviderTest.STRIPE_WEBHOOK_SECRET)).expectStatus().isBadRequest();
        webhook(paid, "t=" + now).expectStatus().isBadRequest();
        shop.http().post().uri("/api/payments/stripe/webhook").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(paid).exchange().expectStatus().isBadRequest();

        assertStillUnpaid(order);
    }

    @Test
    void authenticEventAboutAnotherOrdersSessionDoesNotPayThisOrderAndIsShownToOperators() {
        Product product = shop.pooledProduct("5.00", Shop.keys(2));
        PlacedOrder mine = shop.placePaidBy("stripe", product.productId());
        PlacedOrder other = shop.placePaidBy("stripe", product.productId());
        awaitPayment(mine);
        String othersSession = awaitPayment(other).get("paymentId").asText();
        String event = event("checkout.session.completed", othersSession, mine.orderId(), 500, "eur");

        webhook(event, signature(event, Instant.now().getEpochSecond(), ProviderTest.STRIPE_WEBHOOK_SECRET))
                .expectStatus().isOk();

        assertStillUnpaid(mine);
        String eventId = json(event).get("id").asText();
        JsonNode unmatched = shop.json(shop.asAdmin(shop.http().get().uri("/admin/api/payments/unmatched-notifications"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        JsonNode ours = null;
        for (JsonNode n : unmatched) {
            if (n.get("eventId").asText().equals(eventId)) {
                ours = n;
            }
        }
        assertThat(ours).isNotNull();
        assertThat(ours.get("paymentMethod").asText()).isEqualTo("stripe");
        assertThat(ours.get("merchantOrderId").asText()).isEqualTo(mine.orderId());
        assertThat(ours.get("paymentId").asText()).isEqualTo(othersSession);
    }

    @Test
    void operatorsRefundOfADeliveredOrderRefundsItOnceAtStripe() {
        Product product = shop.pooledProduct("7.50", Shop.keys(1));
        PlacedOrder order = shop.placePaidBy("stripe", product.productId());
        String sessionId = awaitPayment(order).get("paymentId").asText();
        payOnCheckoutPage(sessionId);
        shop.awaitStatus(order, "DELIVERED");

        assertThat(shop.operator(order.orderId(), "refund", Map.of("reason", "the key did not work"))).isEqualTo(202);
        assertThat(shop.operator(order.orderId(), "refund", Map.of("reason", "asked twice"))).isEqualTo(202);

        shop.awaitStatus(order, "REFUNDED");
        String paymentIntent = session(sessionId).get("payment_intent").asText();
        assertThat(jdbc.queryForList("select amount from simulator.stripe_refund where payment_intent = ?",
                Long.class, paymentIntent)).containsExactly(750L);
    }

    @Test
    void cancelledUnpaidOrderExpiresItsSessionSoItCanNoLongerBePaid() {
        Product product = shop.pooledProduct("2.00", Shop.keys(1));
        PlacedOrder order = shop.placePaidBy("stripe", product.productId());
        String sessionId = awaitPayment(order).get("paymentId").asText();

        assertThat(shop.operator(order.orderId(), "cancel", Map.of("reason", "buyer asked"))).isEqualTo(202);

        shop.awaitStatus(order, "CANCELLED");
        await().atMost(Shop.PATIENCE).until(() -> session(sessionId).get("status").asText().equals("expired"));
        shop.http().post().uri("/simulator/stripe/pay/{id}/complete", sessionId).exchange()
                .expectStatus().isBadRequest();
    }

    private JsonNode awaitPayment(PlacedOrder order) {
        return shop.awaitStatus(order, "PENDING_PAYMENT").get("payment");
    }

    /** What the buyer's press of Pay on Stripe's checkout page does. */
    private void payOnCheckoutPage(String sessionId) {
        shop.http().post().uri("/simulator/stripe/pay/{id}/complete", sessionId).exchange().expectStatus().isOk();
    }

    private void assertStillUnpaid(PlacedOrder order) {
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> shop.status(order).equals("PENDING_PAYMENT"));
        assertThat(Shop.entries(shop.order(order), "payment-confirmed")).isZero();
    }

    private JsonNode session(String sessionId) {
        return json(shop.http().get().uri("/simulator/stripe/v1/checkout/sessions/{id}", sessionId)
                .header("Authorization", "Bearer " + ProviderTest.STRIPE_SECRET_KEY)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private int deliveredWebhooks(String sessionId) {
        Integer count = jdbc.queryForObject("""
                select count(*) from simulator.outbox_notification
                where source = 'stripe' and delivered_at is not null and body like ?""", Integer.class,
                "%\"" + sessionId + "\"%");
        return count == null ? 0 : count;
    }

    private void chaos(Map<String, Object> knobs) {
        shop.http().put().uri("/simulator/stripe/simulation").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(knobs).exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec webhook(String payload, String signature) {
        return shop.http().post().uri("/api/payments/stripe/webhook")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", signature)
                .bodyValue(payload)
                .exchange();
    }

    /** An event as Stripe sends it, about {@code sessionId}, naming {@code orderId}. */
    private String event(String type, String sessionId, String orderId, long amount, String currency) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", sessionId);
        session.put("object", "checkout.session");
        session.put("amount_total", amount);
        session.put("currency", currency);
        session.put("client_reference_id", orderId);
        session.put("metadata", Map.of("orderId", orderId));
        session.put("payment_status", "paid");
        session.put("status", "complete");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_it_" + Shop.shortId());
        event.put("object", "event");
        event.put("api_version", "2025-08-27.basil");
        event.put("created", Instant.now().getEpochSecond());
        event.put("type", type);
        event.put("data", Map.of("object", session));
        try {
            return json.writeValueAsString(event);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Stripe's scheme: {@code t=<unix>,v1=<hex HMAC-SHA256 of "t.payload">}. */
    private static String signature(String payload, long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode json(String body) {
        return shop.json(body);
    }
}
