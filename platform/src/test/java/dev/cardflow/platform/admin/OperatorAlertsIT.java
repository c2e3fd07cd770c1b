package dev.cardflow.platform.admin;

import dev.cardflow.platform.support.AlertListener;
import dev.cardflow.platform.support.ChaosTest;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.SmtpServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static dev.cardflow.platform.support.SmtpServer.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Operator alerts over real sockets: a webhook listener, a Telegram-compatible Bot API and an SMTP server (GreenMail)
 * each receive one alert per kind and subject within the quiet period — for a breaker opening, an automatic refund,
 * an unmatched payment and low stock — a channel that fails is tried again, and {@code GET /admin/api/alerts} shows
 * each channel's outcome.
 */
@ChaosTest
@TestPropertySource(properties = {
        "cardflow.psp.webhook-secret=" + OperatorAlertsIT.PSP_SECRET,
        "cardflow.alert.email=" + OperatorAlertsIT.OPERATORS,
        "cardflow.alert.telegram.bot-token=" + OperatorAlertsIT.BOT_TOKEN,
        "cardflow.alert.telegram.chat-id=" + OperatorAlertsIT.CHAT,
        "cardflow.alert.retry-backoff=PT1S",
        "cardflow.alert.poll-interval=PT1S",
        // a breaker opens after 3 calls and lets calls through again after a second: it opens twice within a test
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=3",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s"})
class OperatorAlertsIT {

    static final String PSP_SECRET = "operator-alerts-it-secret";
    static final String OPERATORS = "ops@cardflow.test";
    static final String BOT_TOKEN = "4242:alerts-it-token";
    static final String CHAT = "-1001234";

    private static final SmtpServer smtp = SmtpServer.started();
    private static final AlertListener webhook = AlertListener.webhook();
    private static final AlertListener telegram = AlertListener.telegram();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry properties) {
        properties.add("cardflow.alert.webhook-url", () -> webhook.url() + "/hooks/cardflow");
        properties.add("cardflow.alert.telegram.api-base", telegram::url);
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", smtp::port);
    }

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

    @AfterAll
    static void closeListeners() {
        webhook.close();
        telegram.close();
        smtp.stop();
    }

    @Test
    void productFallingToItsThresholdIsAlertedOnceOnEveryChannelUntilTheQuietPeriodEnds() {
        Product product = shop.pooledProduct("2.00", Shop.keys(3));
        assertThat(changeThreshold(product.productId(), "{\"lowStockThreshold\": 1}")).isEqualTo(200);
        await().atMost(Shop.PATIENCE).until(() -> threshold(product.productId()).asInt(-1) == 1);

        shop.place(product.productId(), 2, Shop.email());
        awaitOnEveryChannel("low-stock", product.productId());

        // back above the threshold and down to it again: a second crossing, within the quiet period
        shop.asAdmin(shop.http().post().uri("/admin/api/products/{id}/card-keys", product.productId())
                .contentType(MediaType.TEXT_PLAIN).bodyValue(String.join("\n", Shop.keys(2))))
                .exchange().expectStatus().isOk();
        await().atMost(Shop.PATIENCE).until(() -> shop.available(product.productId()) == 3);
        shop.place(product.productId(), 2, Shop.email());
        await().atMost(Shop.PATIENCE).until(() -> alert("low-stock", product.productId()).get("repeats").asInt() == 1);

        JsonNode alert = alert("low-stock", product.productId());
        assertThat(alert.get("severity").asText()).isEqualTo("warning");
        assertThat(alert.get("message").asText()).contains(product.name(), "1 card key(s) left");
        assertThat(outcomes(alert)).containsEntry("webhook", "sent").containsEntry("telegram", "sent")
                .containsEntry("email", "sent");
        assertOnceOnEveryChannel("low-stock", product.productId());
        MimeMessage mail = mailsAbout(product.productId()).get(0);
        assertThat(subject(mail)).isEqualTo("[cardflow] warning: low-stock · " + product.productId());
    }

    @Test
    void breakerOpeningAndTheAutomaticRefundItCausesAreAlertedOnceEach() {
        Instant start = Instant.now();
        shop.supplierChaos("primary", Map.of("failureRate", 1.0));
        shop.supplierChaos("backup", Map.of("failureRate", 1.0));
        Product product = shop.upstreamProduct("4.00", "SKU-" + Shop.shortId());
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(order));

        shop.awaitStatus(order, "REFUNDED", "REFUNDING");
        awaitOnEveryChannel("order-refunded", order.orderId());
        awaitOnEveryChannel("circuit-open", "supplier-primary");
        assertThat(alert("order-refunded", order.orderId()).get("message").asText())
                .contains("refunded automatically").contains("4.00 EUR");

        // the breaker opens again while it is still quiet: one more failing order after it let calls through
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            if (opened("supplier-primary", start) < 2) {
                shop.pay(shop.awaitPayment(shop.place(product.productId(), 1, Shop.email())));
                return false;
            }
            return true;
        });
        await().atMost(Shop.PATIENCE)
                .until(() -> alert("circuit-open", "supplier-primary").get("repeats").asInt() >= 1);
        assertOnceOnEveryChannel("circuit-open", "supplier-primary");
        assertOnceOnEveryChannel("order-refunded", order.orderId());
        assertThat(alert("circuit-open", "supplier-primary").get("severity").asText()).isEqualTo("critical");
    }

    @Test
    void anOperatorsOwnRefundIsNotAlerted() {
        Product product = shop.pooledProduct("3.00", Shop.keys(1));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");

        assertThat(shop.operator(order.orderId(), "refund", Map.of("reason", "buyer changed their mind")))
                .isEqualTo(202);
        shop.awaitStatus(order, "REFUNDED");

        Shop.pause(Duration.ofSeconds(3));
        assertThat(alerts("order-refunded")).noneMatch(a -> a.get("subject").asText().equals(order.orderId()));
    }

    @Test
    void unmatchedPaymentIsAlertedOnceAndAFailingWebhookIsTriedAgainUntilItTakesIt() {
        String payment = "pay_" + Shop.shortId();
        String subject = "simulator:" + payment;
        webhook.failOnceFor(payment);

        notifyPsp("evt_" + Shop.shortId(), payment, "no-such-order-" + Shop.shortId());
        awaitOnEveryChannel("unmatched-payment", subject);
        notifyPsp("evt_" + Shop.shortId(), payment, "no-such-order-" + Shop.shortId());
        await().atMost(Shop.PATIENCE).until(() -> alert("unmatched-payment", subject).get("repeats").asInt() == 1);

        assertOnceOnEveryChannel("unmatched-payment", subject);
        JsonNode alert = alert("unmatched-payment", subject);
        JsonNode hook = delivery(alert, "webhook");
        assertThat(hook.get("status").asText()).isEqualTo("sent");
        assertThat(hook.get("attempts").asInt()).isEqualTo(2);
        assertThat(hook.get("lastError").asText()).isEqualTo("the webhook answered HTTP 500");
        assertThat(delivery(alert, "telegram").get("attempts").asInt()).isEqualTo(1);

        JsonNode posted = webhook.taken(about("unmatched-payment", subject)).get(0).body();
        assertThat(posted.get("severity").asText()).isEqualTo("warning");
        assertThat(posted.get("message").asText()).contains(payment);
        assertThat(posted.get("link").asText()).isEqualTo("/admin/#dead-letters");
        assertThat(Instant.parse(posted.get("at").asText())).isAfter(Instant.now().minusSeconds(120));
        AlertListener.Received message = telegram.taken(about("unmatched-payment", subject)).get(0);
        assertThat(message.path()).isEqualTo("/bot" + BOT_TOKEN + "/sendMessage");
        assertThat(message.body().get("chat_id").asText()).isEqualTo(CHAT);
        assertThat(delivery(alert, "telegram").get("lastError").isNull()).isTrue();
    }

    @Test
    void lowStockThresholdThatIsNotAWholeNumberFromZeroIsRefusedAndChangesNothing() {
        for (String threshold : List.of("-1", "\"few\"", "2.5")) {
            shop.asAdmin(shop.http().post().uri("/admin/api/products").contentType(MediaType.APPLICATION_JSON)
                            .bodyValue("{\"name\": \"Bad threshold\", \"price\": \"1.00\", \"currency\": \"EUR\","
                                    + " \"source\": \"POOL\", \"lowStockThreshold\": " + threshold + "}"))
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        Product product = shop.pooledProduct("1.00", List.of());
        assertThat(changeThreshold(product.productId(), "{\"lowStockThreshold\": 5}")).isEqualTo(200);
        await().atMost(Shop.PATIENCE).until(() -> threshold(product.productId()).asInt(-1) == 5);

        for (String body : List.of("{\"lowStockThreshold\": -3}", "{\"lowStockThreshold\": \"few\"}",
                "{\"lowStockThreshold\": 2, \"keyMode\": \"REUSABLE\"}", "{}", "[]")) {
            shop.asAdmin(shop.http().patch().uri("/admin/api/products/{id}", product.productId())
                            .contentType(MediaType.APPLICATION_JSON).bodyValue(body))
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(threshold(product.productId()).asInt()).isEqualTo(5);
        assertThat(changeThreshold(product.productId(), "{\"lowStockThreshold\": null}")).isEqualTo(200);
        await().atMost(Shop.PATIENCE).until(() -> threshold(product.productId()).isNull());
    }

    @Test
    void operatorsReadTheAlertsButNoOneElseAndAnUnknownKindIsRefused() {
        String operator = "ops-" + Shop.shortId();
        String password = "a-long-operator-password-" + Shop.shortId();
        shop.asAdmin(shop.http().post().uri("/admin/api/operators").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("username", operator, "password", password, "role", "OPERATOR")))
                .exchange().expectStatus().is2xxSuccessful();

        shop.http().get().uri("/admin/api/alerts").headers(h -> h.setBasicAuth(operator, password)).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        shop.http().get().uri("/admin/api/alerts").exchange().expectStatus().isUnauthorized();
        shop.asAdmin(shop.http().get().uri("/admin/api/alerts?kind=everything")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        shop.asAdmin(shop.http().get().uri("/admin/api/alerts?limit=0")).exchange().expectStatus().isBadRequest();
    }

    private void awaitOnEveryChannel(String kind, String subject) {
        await().atMost(Shop.PATIENCE).until(() -> !webhook.taken(about(kind, subject)).isEmpty()
                && !telegram.taken(about(kind, subject)).isEmpty());
    }

    private void assertOnceOnEveryChannel(String kind, String subject) {
        assertThat(webhook.taken(about(kind, subject))).hasSize(1);
        assertThat(telegram.taken(about(kind, subject))).hasSize(1);
        await().atMost(Shop.PATIENCE).until(() -> mailsAbout(subject).size() == 1);
        assertThat(alerts(kind)).filteredOn(a -> a.get("subject").asText().equals(subject)).hasSize(1);
    }

    /** A request carrying this alert: the webhook's JSON names kind and subject, Telegram's text holds them. */
    private static Predicate<AlertListener.Received> about(String kind, String subject) {
        return r -> r.body().has("kind")
                ? r.body().get("kind").asText().equals(kind) && r.body().get("subject").asText().equals(subject)
                : r.body().path("text").asText().contains(kind + " · " + subject + "\n");
    }

    private List<JsonNode> alerts(String kind) {
        JsonNode list = shop.json(shop.asAdmin(shop.http().get().uri("/admin/api/alerts?kind={k}&limit=500", kind))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        return StreamSupport.stream(list.spliterator(), false).toList();
    }

    private JsonNode alert(String kind, String subject) {
        return alerts(kind).stream().filter(a -> a.get("subject").asText().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " alert about " + subject));
    }

    private static JsonNode delivery(JsonNode alert, String channel) {
        return StreamSupport.stream(alert.get("deliveries").spliterator(), false)
                .filter(d -> d.get("channel").asText().equals(channel)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + channel + " delivery in " + alert));
    }

    private static Map<String, String> outcomes(JsonNode alert) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        alert.get("deliveries").forEach(d -> outcomes.put(d.get("channel").asText(), d.get("status").asText()));
        return outcomes;
    }

    private int changeThreshold(String productId, String body) {
        return shop.asAdmin(shop.http().patch().uri("/admin/api/products/{id}", productId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)).exchange()
                .returnResult(String.class).getStatus().value();
    }

    private JsonNode threshold(String productId) {
        JsonNode products = shop.json(shop.asAdmin(shop.http().get().uri("/admin/api/products")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        for (JsonNode p : products) {
            if (p.get("productId").asText().equals(productId)) {
                return p.get("lowStockThreshold");
            }
        }
        throw new AssertionError("no product " + productId);
    }

    private long opened(String breaker, Instant since) {
        long opened = 0;
        for (JsonNode b : shop.breakers()) {
            if (b.get("name").asText().equals(breaker)) {
                for (JsonNode t : b.get("transitions")) {
                    if (t.get("to").asText().equals("OPEN") && Instant.parse(t.get("at").asText()).isAfter(since)) {
                        opened++;
                    }
                }
            }
        }
        return opened;
    }

    /** A genuine, signed PSP notification about a payment no order of ours made. */
    private void notifyPsp(String eventId, String paymentId, String merchantOrderId) {
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("eventId", eventId);
        notification.put("paymentId", paymentId);
        notification.put("merchantOrderId", merchantOrderId);
        notification.put("status", "SUCCEEDED");
        notification.put("amount", "7.00");
        notification.put("currency", "EUR");
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(notification);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long now = Instant.now().getEpochSecond();
        shop.http().post().uri("/api/payments/notify").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .header("X-Cardflow-Timestamp", Long.toString(now))
                .header("X-Cardflow-Signature", sign(body, now))
                .exchange().expectStatus().isOk();
    }

    private static String sign(byte[] body, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PSP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MimeMessage> mailsAbout(String subject) {
        return smtp.received().stream()
                .filter(m -> Arrays.toString(SmtpServer.recipients(m)).contains(OPERATORS)
                        && subject(m).endsWith(" · " + subject))
                .toList();
    }
}
