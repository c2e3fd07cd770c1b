package dev.cardflow.platform.payment;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Only the PSP's authentic, fresh word moves an order, and its repeats and stragglers move nothing. */
@PlatformTest
@TestPropertySource(properties = "cardflow.psp.webhook-secret=" + NotificationSecurityIT.WEBHOOK_SECRET)
class NotificationSecurityIT {

    static final String WEBHOOK_SECRET = "notification-security-it-secret";
    static final String UNMATCHED = "/admin/api/payments/unmatched-notifications";

    @LocalServerPort
    int port;
    Shop shop;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
    }

    @Test
    void notificationWithABadSignatureIsRefusedAndChangesNothing() {
        Waiting order = orderWaitingForPayment();
        byte[] body = body(order, "SUCCEEDED");
        long now = now();

        expectRefused(notify(body, now, sign(body, now, "not-the-secret")));
        expectRefused(notify(body, now, sign(body(order, "SUCCEEDED"), now, WEBHOOK_SECRET)));
        expectRefused(notify(body, now, "sha256=not-hex"));
        expectRefused(notify(body, now, sign(body, now, WEBHOOK_SECRET).substring("sha256=".length())));

        assertStillWaitingForPayment(order);
    }

    @Test
    void correctlySignedNotificationOutsideTheFiveMinuteWindowIsRefusedAndChangesNothing() {
        Waiting order = orderWaitingForPayment();
        byte[] body = body(order, "SUCCEEDED");
        long sixMinutesAgo = now() - Duration.ofMinutes(6).toSeconds();
        long inSixMinutes = now() + Duration.ofMinutes(6).toSeconds();

        expectRefused(notify(body, sixMinutesAgo, sign(body, sixMinutesAgo, WEBHOOK_SECRET)));
        expectRefused(notify(body, inSixMinutes, sign(body, inSixMinutes, WEBHOOK_SECRET)));

        // Inside the window an old timestamp is fine: the FAILED notification that proves it is four minutes old.
        assertStillWaitingForPayment(order, now() - Duration.ofMinutes(4).toSeconds());
    }

    @Test
    void notificationWithoutItsHeadersIsRefused() {
        Waiting order = orderWaitingForPayment();
        byte[] body = body(order, "SUCCEEDED");
        long now = now();

        expectRefused(post(body));
        expectRefused(post(body).header("X-Cardflow-Timestamp", Long.toString(now)));
        expectRefused(post(body).header("X-Cardflow-Signature", sign(body, now, WEBHOOK_SECRET)));

        assertStillWaitingForPayment(order);
    }

    @Test
    void signedFreshSucceededNotificationIsAcknowledgedAndTheOrderIsDelivered() {
        List<String> keys = Shop.keys(1);
        Waiting order = orderWaitingForPayment(keys);

        expectAcknowledged(send(body(order, "SUCCEEDED")));

        JsonNode delivered = shop.awaitStatus(order.placed(), "DELIVERED");
        assertThat(statuses(delivered)).containsSubsequence("PENDING_PAYMENT", "PAID", "DELIVERED");
        assertThat(codes(delivered)).containsSubsequence("payment-confirmed", "delivered");
        assertThat(delivered.get("cardKeys").get(0).asText()).isEqualTo(keys.get(0));
    }

    @Test
    void repeatedSucceededNotificationIsAcknowledgedAndChangesNothing() {
        Waiting order = orderWaitingForPayment();
        byte[] first = body(order, "SUCCEEDED");

        expectAcknowledged(send(first));
        // A duplicate at once, as the PSP sends one when it missed our answer, and the same news
        // under another event id, as after a status check.
        expectAcknowledged(send(first));
        expectAcknowledged(send(body(order, "SUCCEEDED")));
        JsonNode delivered = shop.awaitStatus(order.placed(), "DELIVERED");
        String cardKey = delivered.get("cardKeys").get(0).asText();

        expectAcknowledged(send(first));
        expectAcknowledged(send(body(order, "SUCCEEDED")));

        JsonNode after = shop.order(order.placed());
        assertThat(after.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(codes(after)).containsOnlyOnce("payment-confirmed", "delivered");
        assertThat(after.get("cardKeys")).hasSize(1);
        assertThat(after.get("cardKeys").get(0).asText()).isEqualTo(cardKey);
    }

    @Test
    void failedNotificationArrivingAfterTheSuccessLeavesTheOrderDelivered() {
        Waiting order = orderWaitingForPayment();

        expectAcknowledged(send(body(order, "SUCCEEDED")));
        expectAcknowledged(send(body(order, "FAILED")));
        JsonNode delivered = shop.awaitStatus(order.placed(), "DELIVERED");
        assertThat(codes(delivered)).doesNotContain("payment-failed");

        expectAcknowledged(send(body(order, "FAILED")));

        JsonNode after = shop.order(order.placed());
        assertThat(after.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(codes(after)).doesNotContain("payment-failed").containsOnlyOnce("payment-confirmed");
    }

    @Test
    void signedNotificationForAnUnknownOrderIsAcknowledgedAndShownToOperators() {
        String unknownOrder = UUID.randomUUID().toString();
        String eventId = "evt_" + Shop.shortId();
        String paymentId = "pay_" + Shop.shortId();
        byte[] body = write(notification(eventId, paymentId, unknownOrder, "SUCCEEDED", "12.50", "EUR"));

        expectAcknowledged(send(body));
        expectAcknowledged(send(body));

        shop.http().get().uri(UNMATCHED).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        List<JsonNode> ours = new ArrayList<>();
        unmatchedNotifications().forEach(n -> {
            if (n.get("eventId").asText().equals(eventId)) {
                ours.add(n);
            }
        });
        assertThat(ours).hasSize(1);
        assertThat(ours.get(0).get("merchantOrderId").asText()).isEqualTo(unknownOrder);
        assertThat(ours.get(0).get("paymentId").asText()).isEqualTo(paymentId);
        assertThat(ours.get(0).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void signedNotificationNamingAProductInsteadOfAnOrderIsAcknowledgedAndShownToOperators() {
        Product product = shop.pooledProduct("12.50", Shop.keys(1));
        String eventId = "evt_" + Shop.shortId();
        byte[] body = write(notification(eventId, "pay_" + Shop.shortId(), product.productId(), "SUCCEEDED", "12.50",
                "EUR"));

        expectAcknowledged(send(body));

        assertThat(unmatchedNotifications()).extracting(n -> n.get("eventId").asText()).contains(eventId);
        PlacedOrder placed = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(placed));
        assertThat(shop.awaitStatus(placed, "DELIVERED").get("cardKeys")).hasSize(1);
    }

    @Test
    void failedNotificationWhileTheOrderWaitsIsShownAndTheOrderCanStillBePaid() {
        List<String> keys = Shop.keys(1);
        Waiting order = orderWaitingForPayment(keys);

        expectAcknowledged(send(body(order, "FAILED")));

        JsonNode failed = awaitTimeline(order.placed(), "payment-failed");
        assertThat(failed.get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(failed.get("payment").get("paymentId").asText()).isEqualTo(order.paymentId());

        shop.pay(order.paymentId());

        JsonNode delivered = shop.awaitStatus(order.placed(), "DELIVERED");
        assertThat(codes(delivered)).containsSubsequence("payment-failed", "payment-confirmed", "delivered");
        assertThat(delivered.get("cardKeys").get(0).asText()).isEqualTo(keys.get(0));
    }

    /** An order of one key that waits for its payment, with what the PSP would say about it. */
    record Waiting(PlacedOrder placed, String paymentId, String amount, String currency) {
    }

    private Waiting orderWaitingForPayment() {
        return orderWaitingForPayment(Shop.keys(1));
    }

    private Waiting orderWaitingForPayment(List<String> keys) {
        Product product = shop.pooledProduct("12.50", keys);
        PlacedOrder placed = shop.place(product.productId(), 1, Shop.email());
        String paymentId = shop.awaitPayment(placed);
        JsonNode pending = shop.order(placed);
        return new Waiting(placed, paymentId, pending.get("amount").asText(), pending.get("currency").asText());
    }

    /**
     * The refused notifications are answered only after they were judged, so had one been taken, its
     * event would precede this genuine FAILED one in the order's history; the projection shows them in
     * that order.
     */
    private void assertStillWaitingForPayment(Waiting order) {
        assertStillWaitingForPayment(order, now());
    }

    private void assertStillWaitingForPayment(Waiting order, long timestamp) {
        byte[] failed = body(order, "FAILED");
        expectAcknowledged(notify(failed, timestamp, sign(failed, timestamp, WEBHOOK_SECRET)));
        JsonNode after = awaitTimeline(order.placed(), "payment-failed", "payment-confirmed");
        assertThat(after.get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(codes(after)).doesNotContain("payment-confirmed");
        assertThat(after.get("cardKeys").isNull()).isTrue();
        assertThat(shop.pspPayment(order.paymentId()).get("status").asText()).isEqualTo("PENDING");
    }

    private JsonNode awaitTimeline(PlacedOrder order, String... anyOf) {
        await().atMost(Shop.PATIENCE).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(codes(shop.order(order))).containsAnyOf(anyOf));
        return shop.order(order);
    }

    private JsonNode unmatchedNotifications() {
        return shop.json(shop.asAdmin(shop.http().get().uri(UNMATCHED))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private byte[] body(Waiting order, String status) {
        return write(notification("evt_" + UUID.randomUUID().toString().replace("-", ""), order.paymentId(),
                order.placed().orderId(), status, order.amount(), order.currency()));
    }

    private static Map<String, Object> notification(String eventId, String paymentId, String merchantOrderId,
                                                    String status, String amount, String currency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("paymentId", paymentId);
        body.put("merchantOrderId", merchantOrderId);
        body.put("status", status);
        body.put("amount", amount);
        body.put("currency", currency);
        return body;
    }

    /** Sends {@code body} as the PSP does: signed with the shared secret, stamped now. */
    private WebTestClient.ResponseSpec send(byte[] body) {
        long now = now();
        return notify(body, now, sign(body, now, WEBHOOK_SECRET));
    }

    private WebTestClient.ResponseSpec notify(byte[] body, long timestamp, String signature) {
        return post(body)
                .header("X-Cardflow-Timestamp", Long.toString(timestamp))
                .header("X-Cardflow-Signature", signature)
                .exchange();
    }

    private WebTestClient.RequestHeadersSpec<?> post(byte[] body) {
        return shop.http().post().uri("/api/payments/notify").contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private static void expectRefused(WebTestClient.RequestHeadersSpec<?> request) {
        expectRefused(request.exchange());
    }

    private static void expectRefused(WebTestClient.ResponseSpec response) {
        response.expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.type").exists();
    }

    private static void expectAcknowledged(WebTestClient.ResponseSpec response) {
        response.expectStatus().isOk().expectBody(String.class).isEqualTo("SUCCESS");
    }

    private static String sign(byte[] body, long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private byte[] write(Map<String, Object> body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> codes(JsonNode order) {
        List<String> codes = new ArrayList<>();
        order.get("timeline").forEach(entry -> codes.add(entry.get("code").asText()));
        return codes;
    }

    private static List<String> statuses(JsonNode order) {
        List<String> statuses = new ArrayList<>();
        order.get("timeline").forEach(entry -> statuses.add(entry.get("status").asText()));
        return statuses;
    }
}
