package dev.cardflow.platform.order;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.SmtpServer;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.cardflow.platform.support.SmtpServer.subject;
import static dev.cardflow.platform.support.SmtpServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Buyer mail over real SMTP (GreenMail on a socket): one mail per delivery in the order's language,
 * naming the product and linking the order page; an SMTP outage delays the mail, which still arrives
 * exactly once when the server is back; the order's timeline says so.
 */
@PlatformTest
class BuyerMailIT {

    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final SmtpServer smtp = SmtpServer.started();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", smtp::port);
        properties.add("cardflow.mail.from", () -> "shop@cardflow.test");
        properties.add("cardflow.mail.retry-interval", RETRY::toString);
    }

    @LocalServerPort
    int port;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
        shop.calmEverything();
        smtp.start();
    }

    @AfterAll
    static void closeSmtp() {
        smtp.stop();
    }

    @Test
    void deliveredOrderPlacedInChineseGetsOneMailInChineseNamingTheProductAndLinkingTheOrder() {
        Product product = shop.pooledProduct("3.00", Shop.keys(1));
        String email = Shop.email();
        PlacedOrder order = place(Map.of("productId", product.productId(), "quantity", 1, "email", email,
                "language", "zh"), "en-US,en;q=0.9");

        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");
        await().atMost(Shop.PATIENCE).until(() -> mailsTo(email).size() == 1);

        MimeMessage mail = mailsTo(email).get(0);
        assertThat(subject(mail)).isEqualTo("您购买的 " + product.name() + " 卡密已发放");
        assertThat(text(mail)).contains("/orders/" + order.orderId() + "?token=" + order.accessToken())
                .doesNotContain("KEY-");
        await().atMost(Shop.PATIENCE)
                .until(() -> Shop.entries(shop.order(order), "notification-sent") == 1);
        assertThat(Shop.entries(shop.order(order), "notification-failed")).isZero();
        Shop.pause(RETRY.multipliedBy(3));
        assertThat(mailsTo(email)).hasSize(1);
    }

    @Test
    void withoutALanguageTheMailFollowsTheAcceptLanguageOfThePlacement() {
        Product product = shop.pooledProduct("3.00", Shop.keys(1));
        String email = Shop.email();
        PlacedOrder order = place(Map.of("productId", product.productId(), "quantity", 1, "email", email),
                "vi-VN,vi;q=0.9,en;q=0.5");

        shop.pay(shop.awaitPayment(order));
        await().atMost(Shop.PATIENCE).until(() -> mailsTo(email).size() == 1);

        assertThat(subject(mailsTo(email).get(0))).isEqualTo("Mã thẻ " + product.name() + " của bạn đã sẵn sàng");
    }

    @Test
    void refundedOrderGetsOneRefundMailAfterItsDeliveryMailAndNoOther() {
        Product product = shop.pooledProduct("3.00", Shop.keys(1));
        String email = Shop.email();
        PlacedOrder order = place(Map.of("productId", product.productId(), "quantity", 1, "email", email,
                "language", "en"), null);
        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");
        await().atMost(Shop.PATIENCE).until(() -> mailsTo(email).size() == 1);

        assertThat(shop.operator(order.orderId(), "refund", Map.of("reason", "buyer could not redeem"))).isEqualTo(202);
        shop.awaitStatus(order, "REFUNDED");

        await().atMost(Shop.PATIENCE).until(() -> mailsTo(email).size() == 2);
        assertThat(subject(mailsTo(email).get(1))).isEqualTo("Your order for " + product.name() + " was refunded");
        await().atMost(Shop.PATIENCE)
                .until(() -> Shop.entries(shop.order(order), "notification-sent") == 2);
        Shop.pause(RETRY.multipliedBy(3));
        assertThat(mailsTo(email)).hasSize(2);
    }

    @Test
    void mailDelayedByAnSmtpOutageArrivesExactlyOnceWhenTheServerIsBack() {
        Product product = shop.pooledProduct("3.00", Shop.keys(1));
        String email = Shop.email();
        smtp.stop();
        PlacedOrder order = place(Map.of("productId", product.productId(), "quantity", 1, "email", email,
                "language", "en"), null);

        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");
        await().atMost(Shop.PATIENCE)
                .until(() -> Shop.entries(shop.order(order), "notification-failed") == 1);
        Shop.pause(RETRY.multipliedBy(3));
        JsonNode duringOutage = shop.order(order);
        assertThat(Shop.entries(duringOutage, "notification-sent")).isZero();
        assertThat(Shop.entries(duringOutage, "notification-failed")).as("one failure entry, not one per retry")
                .isEqualTo(1);

        smtp.start();

        await().atMost(Shop.PATIENCE).until(() -> mailsTo(email).size() == 1);
        assertThat(subject(mailsTo(email).get(0))).isEqualTo("Your card keys for " + product.name() + " are ready");
        await().atMost(Shop.PATIENCE)
                .until(() -> Shop.entries(shop.order(order), "notification-sent") == 1);
        Shop.pause(RETRY.multipliedBy(3));
        assertThat(mailsTo(email)).hasSize(1);
        assertThat(Shop.entries(shop.order(order), "notification-sent")).isEqualTo(1);
    }

    private PlacedOrder place(Map<String, Object> body, String acceptLanguage) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        if (acceptLanguage != null) {
            headers.put(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        JsonNode accepted = shop.json(shop.http().post().uri("/api/orders")
                .headers(h -> headers.forEach(h::set))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange().expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody());
        return new PlacedOrder(accepted.get("orderId").asText(), accepted.get("accessToken").asText());
    }

    private static List<MimeMessage> mailsTo(String email) {
        return smtp.to(email);
    }
}
