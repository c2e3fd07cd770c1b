package dev.cardflow.platform.payment;

import dev.cardflow.infrastructure.payment.EpaySignature;
import dev.cardflow.platform.support.ProviderTest;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders paid through an EPay (易支付) gateway — the bundled one, over real HTTP: notifications
 * lost, repeated and forged, refunds by the gateway and, where it cannot refund, by an operator.
 */
@ProviderTest
class EpayPaymentIT {

    private static final Pattern TRADE_NO = Pattern.compile("data-trade-no=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
        chaos(Map.of("latencyMs", 0, "jitterMs", 0, "failureRate", 0, "timeoutRate", 0, "callbackDropRate", 0,
                "callbackDuplicateRate", 0, "callbackDelayMs", 0, "refundSupported", true));
    }

    @Test
    void epayIsOfferedOnlyForProductsPricedInYuan() {
        Product yuan = shop.pooledProduct("10.00", "CNY", Shop.keys(1));
        Product euro = shop.pooledProduct("10.00", Shop.keys(1));

        assertThat(methods(yuan)).containsExactly("simulator", "stripe", "epay");
        assertThat(methods(euro)).containsExactly("simulator", "stripe");
        shop.http().post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", euro.productId(), "quantity", 1, "email", Shop.email(),
                        "paymentMethod", "epay"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/unknown-payment-method");
        shop.http().post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", euro.productId(), "quantity", 1, "email", Shop.email(),
                        "paymentMethod", "bitcoin"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/unknown-payment-method");
    }

    @Test
    void orderPaidAtTheGatewayIsDeliveredOnceThoughItsNotificationComesTwice() {
        List<String> keys = Shop.keys(1);
        Product product = shop.pooledProduct("30.00", "CNY", keys);
        chaos(Map.of("callbackDuplicateRate", 1.0));
        PlacedOrder order = shop.placePaidBy("epay", product.productId());
        JsonNode payment = awaitPayment(order);
        assertThat(payment.get("method").asText()).isEqualTo("epay");
        assertThat(payment.get("paymentId").asText()).isEqualTo(order.orderId());
        Map<String, String> submitted = UriComponentsBuilder.fromUriString(payment.get("payUrl").asText()).build()
                .getQueryParams().toSingleValueMap();
        assertThat(submitted).containsEntry("pid", ProviderTest.EPAY_PID).containsEntry("money", "30.00")
                .containsEntry("out_trade_no", order.orderId()).containsEntry("sign_type", "MD5");
        assertThat(submitted.get("notify_url")).endsWith("/api/payments/epay/notify");

        String tradeNo = payAtGateway(payment);

        JsonNode delivered = shop.awaitStatus(order, "DELIVERED");
        assertThat(delivered.get("cardKeys").get(0).asText()).isEqualTo(keys.get(0));
        assertThat(delivered.get("payment").get("paymentId").asText()).isEqualTo(tradeNo);
        await().atMost(Shop.PATIENCE).until(() -> acknowledgedNotifications(tradeNo) >= 2);
        JsonNode after = shop.order(order);
        assertThat(Shop.entries(after, "payment-confirmed")).isEqualTo(1);
        assertThat(Shop.entries(after, "delivered")).isEqualTo(1);
    }

    @Test
    void paymentWhoseNotificationIsLostIsFoundByAskingTheGateway() {
        Product product = shop.pooledProduct("8.00", "CNY", Shop.keys(1));
        chaos(Map.of("callbackDropRate", 1.0));
        PlacedOrder order = shop.placePaidBy("epay", product.productId());

        String tradeNo = payAtGateway(awaitPayment(order));

        JsonNode delivered = shop.awaitStatus(order, "DELIVERED");
        assertThat(delivered.get("payment").get("paymentId").asText()).isEqualTo(tradeNo);
        assertThat(acknowledgedNotifications(tradeNo)).isZero();
    }

    @Test
    void forgedNotificationsAreAnsweredFailAndChangeNothing() {
        Product product = shop.pooledProduct("9.00", "CNY", Shop.keys(1));
        PlacedOrder order = shop.placePaidBy("epay", product.productId());
        awaitPayment(order);

        Map<String, String> badSign = notification(order.orderId(), "T-FORGED-1", "9.00", ProviderTest.EPAY_PID);
        badSign.put("sign", "0123456789abcdef0123456789abcdef");
        notify(badSign).expectStatus().isBadRequest().expectBody(String.class).isEqualTo("fail");
        Map<String, String> otherMerchant = signed(notification(order.orderId(), "T-FORGED-2", "9.00", "9999"));
        notify(otherMerchant).expectStatus().isBadRequest().expectBody(String.class).isEqualTo("fail");
        Map<String, String> unsigned = notification(order.orderId(), "T-FORGED-3", "9.00", ProviderTest.EPAY_PID);
        notify(unsigned).expectStatus().isBadRequest();

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> shop.status(order).equals("PENDING_PAYMENT"));
    }

    @Test
    void notificationPostedAsAFormIsRecordedLikeOneSentByGet() {
        Product product = shop.pooledProduct("6.00", "CNY", Shop.keys(1));
        PlacedOrder order = shop.placePaidBy("epay", product.productId());
        awaitPayment(order);
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        signed(notification(order.orderId(), "T-FORM-1", "6.00", ProviderTest.EPAY_PID)).forEach(form::add);

        shop.http().post().uri("/api/payments/epay/notify").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(org.springframework.web.reactive.function.BodyInserters.fromFormData(form))
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("success");

        JsonNode delivered = shop.awaitStatus(order, "DELIVERED");
        assertThat(delivered.get("payment").get("paymentId").asText()).isEqualTo("T-FORM-1");
    }

    @Test
    void paymentOfTheWrongAmountNeverDelivers() {
        Product product = shop.pooledProduct("50.00", "CNY", Shop.keys(1));
        PlacedOrder order = shop.placePaidBy("epay", product.productId());
        awaitPayment(order);

        notify(signed(notification(order.orderId(), "T-SHORT-1", "0.50", ProviderTest.EPAY_PID)))
                .expectStatus().isOk().expectBody(String.class).isEqualTo("success");

        JsonNode refunding = shop.awaitStatus(order, "REFUNDING", "REFUNDED");
        assertThat(refunding.get("cardKeys").isNull()).isTrue();
        assertThat(Shop.entries(refunding, "delivered")).isZero();
        assertThat(Shop.entries(refunding, "refunding")).isEqualTo(1);
    }

    @Test
    void refundAtAGatewayThatRefundsIsMadeOnce() {
        Product product = shop.pooledProduct("12.00", "CNY", Shop.keys(1));
        PlacedOrder order = shop.placePaidBy("epay", product.productId());
        String tradeNo = payAtGateway(awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");

        assertThat(shop.operator(order.orderId(), "refund", Map.of("reason", "duplicate purchase"))).isEqualTo(202);

        shop.awaitStatus(order, "REFUNDED");
        assertThat(jdbc.queryForObject("select refund_money from simulator.epay_order where trade_no = ?",
                String.class, tradeNo)).isEqualTo("12.00");
    }

    @Test
    void gatewayThatCannotRefundLeavesTheRefundToAnOperatorWhoConfirmsIt() {
        Product product = shop.pooledProduct("15.00", "CNY", Shop.keys(1));
        PlacedOrder order = shop.placePaidBy("epay", product.productId());
        String tradeNo = payAtGateway(awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");
        chaos(Map.of("refundSupported", false));

        assertThat(shop.operator(order.orderId(), "refund", Map.of("reason", "wrong region"))).isEqualTo(202);
        await().atMost(Shop.PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> Shop.entries(shop.order(order), "refund-failed") == 1);
        assertThat(shop.status(order)).isEqualTo("REFUNDING");
        assertThat(shop.operator(order.orderId(), "confirm-refund", Map.of())).isEqualTo(400);

        assertThat(shop.operator(order.orderId(), "confirm-refund",
                Map.of("note", "refunded in the gateway's merchant console"))).isEqualTo(202);

        shop.awaitStatus(order, "REFUNDED");
        assertThat(jdbc.queryForObject("select refund_money from simulator.epay_order where trade_no = ?",
                String.class, tradeNo)).isNull();
        assertThat(shop.operator(order.orderId(), "confirm-refund", Map.of("note", "again"))).isEqualTo(202);
        assertThat(shop.audit(order.orderId()).toString()).contains("manual-intervention", "refunded in the gateway");
    }

    private JsonNode awaitPayment(PlacedOrder order) {
        return shop.awaitStatus(order, "PENDING_PAYMENT").get("payment");
    }

    /** The buyer follows the pay link to the gateway's cashier page and pays there; the gateway's trade number. */
    private String payAtGateway(JsonNode payment) {
        String page = shop.http().get().uri(java.net.URI.create(payment.get("payUrl").asText())).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Matcher tradeNo = TRADE_NO.matcher(page);
        assertThat(tradeNo.find()).as("the cashier page names its trade").isTrue();
        shop.http().post().uri("/simulator/epay/pay/{tradeNo}/complete", tradeNo.group(1)).exchange()
                .expectStatus().isOk();
        return tradeNo.group(1);
    }

    private List<String> methods(Product product) {
        JsonNode methods = shop.json(shop.http().get().uri("/api/payment-methods?productId={id}", product.productId())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        return java.util.stream.StreamSupport.stream(methods.spliterator(), false).map(m -> m.get("id").asText())
                .toList();
    }

    private int acknowledgedNotifications(String tradeNo) {
        Integer count = jdbc.queryForObject("""
                select count(*) from simulator.outbox_notification
                where source = 'epay' and delivered_at is not null and url like ?""", Integer.class,
                "%trade_no=" + tradeNo + "%");
        return count == null ? 0 : count;
    }

    private static Map<String, String> notification(String orderId, String tradeNo, String money, String pid) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("pid", pid);
        p.put("trade_no", tradeNo);
        p.put("out_trade_no", orderId);
        p.put("type", "alipay");
        p.put("name", "test");
        p.put("money", money);
        p.put("trade_status", "TRADE_SUCCESS");
        return p;
    }

    /** Signed with the merchant key, as the gateway signs. */
    private static Map<String, String> signed(Map<String, String> p) {
        p.put("sign", EpaySignature.sign(p, ProviderTest.EPAY_KEY));
        p.put("sign_type", "MD5");
        return p;
    }

    private WebTestClient.ResponseSpec notify(Map<String, String> parameters) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/payments/epay/notify");
        parameters.forEach(uri::queryParam);
        return shop.http().get().uri(uri.encode().build().toUriString()).exchange();
    }

    private void chaos(Map<String, Object> knobs) {
        shop.http().put().uri("/simulator/epay/simulation").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(knobs).exchange().expectStatus().isOk();
    }
}
