package dev.cardflow.simulator;

import dev.cardflow.simulator.epay.EpaySignature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Event;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The Stripe and EPay simulators over real HTTP: the SDK's calls, the pay pages' buttons, the signed notifications. */
@DirtiesContext
@SpringBootTest(classes = SimulatorsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=simulators",
                "cardflow.simulator.webhook-secret=provider-simulators-it",
                "cardflow.simulator.stripe.secret-key=" + ProviderSimulatorsIT.SECRET_KEY,
                "cardflow.simulator.stripe.webhook-secret=" + ProviderSimulatorsIT.WEBHOOK_SECRET,
                "cardflow.simulator.stripe.async-payment-delay=PT1S",
                "cardflow.simulator.epay.pid=" + ProviderSimulatorsIT.PID,
                "cardflow.simulator.epay.key=" + ProviderSimulatorsIT.KEY})
class ProviderSimulatorsIT {

    static final String SECRET_KEY = "sk_test_provider_simulators";
    static final String WEBHOOK_SECRET = "whsec_provider_simulators";
    static final String PID = "1001";
    static final String KEY = "epay-key-provider-simulators";
    // cardflow_it_<creation time>_...: the platform tests' sweep drops such databases only once hours old
    // (a cardflow_it_sim_... name would read to it as timeless, and be dropped under this test's feet)
    static final String DATABASE = "cardflow_it_" + Instant.now().getEpochSecond() + "_sim_"
            + UUID.randomUUID().toString().substring(0, 8);

    /** What the merchant's endpoints received: method, signature header (Stripe's or the PSP's), query and body. */
    record Received(String path, String method, String signature, String query, String body) {
    }

    static final Queue<Received> received = new ConcurrentLinkedQueue<>();
    /** The merchant's Stripe endpoint fails this many times before answering 200, so retries show. */
    static final AtomicInteger stripeFailuresLeft = new AtomicInteger();
    static HttpServer merchant;

    @LocalServerPort
    int port;
    WebTestClient http;
    StripeClient stripe;
    final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void databaseAndMerchant(DynamicPropertyRegistry registry) throws IOException, SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create database " + DATABASE);
        }
        merchant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        merchant.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, exchange.getRequestMethod(),
                    path.startsWith("/psp") ? exchange.getRequestHeaders().getFirst("X-Cardflow-Signature")
                            : exchange.getRequestHeaders().getFirst("Stripe-Signature"),
                    exchange.getRequestURI().getRawQuery(), body));
            boolean fail = path.startsWith("/stripe") && stripeFailuresLeft.getAndDecrement() > 0;
            byte[] answer = (path.startsWith("/epay") ? "success" : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        merchant.start();
        Runtime.getRuntime().addShutdownHook(new Thread(ProviderSimulatorsIT::dropDatabase));
        registry.add("spring.datasource.url", () -> databaseUrl(DATABASE));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "5");
        registry.add("cardflow.simulator.stripe.webhook-url",
                () -> "http://127.0.0.1:" + merchant.getAddress().getPort() + "/stripe/webhook");
    }

    /** Dropped as the JVM ends, after the context (closed after the class, see @DirtiesContext) stopped its pollers. */
    static void dropDatabase() {
        merchant.stop(0);
        try (Connection c = DriverManager.getConnection(serverUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
        } catch (SQLException e) {
            // the platform tests' sweep drops it in a few hours
        }
    }

    @BeforeEach
    void clients() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        stripe = new StripeClient.StripeClientBuilder().setApiKey(SECRET_KEY)
                .setApiBase("http://localhost:" + port + "/simulator/stripe").build();
    }

    @Test
    void sessionCreatedWithTheSdkIsPaidOnItsPageAndReportedByASignedWebhookUntilAcknowledged() throws Exception {
        String orderId = "order-" + UUID.randomUUID();
        stripeFailuresLeft.set(1);
        SessionCreateParams params = session(orderId, 990);
        Session created = stripe.checkout().sessions().create(params,
                RequestOptions.builder().setIdempotencyKey("create-" + orderId).build());
        assertThat(created.getId()).startsWith("cs_test_");
        assertThat(created.getStatus()).isEqualTo("open");
        assertThat(created.getPaymentStatus()).isEqualTo("unpaid");
        assertThat(created.getAmountTotal()).isEqualTo(990L);
        assertThat(created.getUrl()).endsWith("/simulator/stripe/pay/" + created.getId());
        // the same key and parameters: the same session
        assertThat(stripe.checkout().sessions().create(params,
                RequestOptions.builder().setIdempotencyKey("create-" + orderId).build()).getId()).isEqualTo(created.getId());
        // the same key, other parameters: refused
        assertThatThrownBy(() -> stripe.checkout().sessions().create(session(orderId, 991),
                RequestOptions.builder().setIdempotencyKey("create-" + orderId).build()))
                .isInstanceOf(IdempotencyException.class);

        http.get().uri(created.getUrl()).exchange().expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("9.90 EUR"));
        http.post().uri("/simulator/stripe/pay/{id}/complete", created.getId()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.redirect").isEqualTo("http://shop.test/orders/" + orderId);

        Event event = await().atMost(Duration.ofSeconds(20)).until(() -> stripeEvent("checkout.session.completed",
                created.getId()), e -> e != null);
        Session reported = (Session) event.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(reported.getPaymentStatus()).isEqualTo("paid");
        assertThat(reported.getClientReferenceId()).isEqualTo(orderId);
        // the merchant answered the first attempt 500: it is sent again
        await().atMost(Duration.ofSeconds(20)).until(() -> received.stream()
                .filter(r -> r.path().startsWith("/stripe") && r.body().contains(event.getId())).count() >= 2);

        Session paid = stripe.checkout().sessions().retrieve(created.getId());
        assertThat(paid.getPaymentStatus()).isEqualTo("paid");
        assertThat(paid.getPaymentIntent()).startsWith("pi_");

        RefundCreateParams refund = RefundCreateParams.builder().setPaymentIntent(paid.getPaymentIntent()).build();
        RequestOptions refundKey = RequestOptions.builder().setIdempotencyKey("refund-" + orderId).build();
        Refund first = stripe.refunds().create(refund, refundKey);
        assertThat(first.getAmount()).isEqualTo(990L);
        assertThat(first.getStatus()).isEqualTo("succeeded");
        assertThat(stripe.refunds().create(refund, refundKey).getId()).isEqualTo(first.getId());
        assertThatThrownBy(() -> stripe.refunds().create(refund,
                RequestOptions.builder().setIdempotencyKey("refund-again-" + orderId).build()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void asynchronousPaymentCompletesUnpaidThenSucceedsAndAnExpiredSessionIsReported() throws Exception {
        String orderId = "order-" + UUID.randomUUID();
        Session created = stripe.checkout().sessions().create(session(orderId, 1500));
        http.post().uri("/simulator/stripe/pay/{id}/complete?async=true", created.getId()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.payment_status").isEqualTo("unpaid");

        Event completed = await().atMost(Duration.ofSeconds(20))
                .until(() -> stripeEvent("checkout.session.completed", created.getId()), e -> e != null);
        assertThat(((Session) completed.getDataObjectDeserializer().getObject().orElseThrow()).getPaymentStatus())
                .isEqualTo("unpaid");
        Event succeeded = await().atMost(Duration.ofSeconds(20))
                .until(() -> stripeEvent("checkout.session.async_payment_succeeded", created.getId()), e -> e != null);
        assertThat(((Session) succeeded.getDataObjectDeserializer().getObject().orElseThrow()).getPaymentStatus())
                .isEqualTo("paid");

        Session another = stripe.checkout().sessions().create(session("order-" + UUID.randomUUID(), 100));
        assertThat(stripe.checkout().sessions().expire(another.getId()).getStatus()).isEqualTo("expired");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> stripeEvent("checkout.session.expired", another.getId()), e -> e != null);
        assertThatThrownBy(() -> stripe.checkout().sessions().expire(another.getId()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void wrongApiKeyIsRefusedInStripesShape() {
        StripeClient stranger = new StripeClient.StripeClientBuilder().setApiKey("sk_test_wrong")
                .setApiBase("http://localhost:" + port + "/simulator/stripe").build();
        assertThatThrownBy(() -> stranger.checkout().sessions().create(session("order-x", 100)))
                .isInstanceOf(AuthenticationException.class);
        http.get().uri("/simulator/stripe/v1/checkout/sessions/cs_test_nothing").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.type").isEqualTo("invalid_request_error")
                .jsonPath("$.error.message").isEqualTo("Invalid API Key provided");
    }

    @Test
    void epayOrderSubmittedPaidNotifiedLookedUpAndRefundedOnce() throws Exception {
        String orderId = "order-" + UUID.randomUUID();
        Map<String, String> submit = new LinkedHashMap<>();
        submit.put("pid", PID);
        submit.put("type", "alipay");
        submit.put("out_trade_no", orderId);
        submit.put("notify_url", "http://127.0.0.1:" + merchant.getAddress().getPort() + "/epay/notify");
        submit.put("return_url", "http://shop.test/orders/" + orderId);
        submit.put("name", "Steam 50");
        submit.put("money", "9.90");
        submit.put("sign", EpaySignature.sign(submit, KEY));
        submit.put("sign_type", "MD5");

        String page = http.get().uri(b -> {
            b.path("/simulator/epay/submit.php");
            submit.forEach(b::queryParam);
            return b.build();
        }).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Matcher tradeNo = Pattern.compile("data-trade-no=\"(\\d{19})\"").matcher(page);
        assertThat(tradeNo.find()).isTrue();

        Map<String, String> forged = new LinkedHashMap<>(submit);
        forged.put("money", "0.01");
        http.get().uri(b -> {
            b.path("/simulator/epay/submit.php");
            forged.forEach(b::queryParam);
            return b.build();
        }).exchange().expectStatus().isBadRequest();

        http.post().uri("/simulator/epay/pay/{tradeNo}/complete", tradeNo.group(1)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.redirect").value(redirect ->
                        assertThat((String) redirect).startsWith("http://shop.test/orders/" + orderId + "?pid=" + PID)
                                .contains("trade_status=TRADE_SUCCESS", "sign_type=MD5"));

        Received notified = await().atMost(Duration.ofSeconds(20)).until(() -> received.stream()
                .filter(r -> r.path().equals("/epay/notify") && r.query().contains(orderId)).findFirst().orElse(null),
                r -> r != null);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : notified.query().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(notified.method()).isEqualTo("GET");
        assertThat(params).containsEntry("trade_no", tradeNo.group(1)).containsEntry("money", "9.90")
                .containsEntry("trade_status", "TRADE_SUCCESS");
        assertThat(EpaySignature.verify(params, KEY)).isTrue();

        JsonNode order = json.readTree(http.get().uri("/simulator/epay/api.php?act=order&pid={pid}&key={key}&out_trade_no={o}",
                PID, KEY, orderId).exchange().expectBody(String.class).returnResult().getResponseBody());
        assertThat(order.get("code").asInt()).isEqualTo(1);
        assertThat(order.get("status").asInt()).isEqualTo(1);
        assertThat(order.get("trade_no").asText()).isEqualTo(tradeNo.group(1));
        assertThat(api("act=order&pid=" + PID + "&key=wrong&out_trade_no=" + orderId, null).get("msg").asText())
                .isEqualTo("KEY校验失败");

        String refund = "pid=" + PID + "&key=" + KEY + "&trade_no=" + tradeNo.group(1) + "&money=9.90";
        assertThat(api("act=refund", refund).get("code").asInt()).isEqualTo(1);
        assertThat(api("act=refund", refund).get("code").asInt()).isEqualTo(1);
        http.put().uri("/simulator/epay/simulation").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"refundSupported\":false}").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.refundSupported").isEqualTo(false);
        try {
            assertThat(api("act=refund", refund).get("msg").asText()).isEqualTo("该支付通道不支持退款");
        } finally {
            http.put().uri("/simulator/epay/simulation").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"refundSupported\":true}").exchange().expectStatus().isOk();
        }
    }

    @Test
    void pspNotificationStillGoesOutSignedThroughTheSharedOutbox() {
        String orderId = "order-" + UUID.randomUUID();
        String paymentId = http.post().uri("/simulator/psp/v1/payments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("merchantOrderId", orderId, "amount", "9.90", "currency", "EUR",
                        "notifyUrl", "http://127.0.0.1:" + merchant.getAddress().getPort() + "/psp/notify"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("paymentId").asText();
        http.post().uri("/simulator/psp/v1/payments/{id}/complete", paymentId).exchange().expectStatus().isOk();

        Received notified = await().atMost(Duration.ofSeconds(20)).until(() -> received.stream()
                .filter(r -> r.path().equals("/psp/notify") && r.body().contains(paymentId)).findFirst().orElse(null),
                r -> r != null);
        assertThat(notified.method()).isEqualTo("POST");
        assertThat(notified.signature()).startsWith("sha256=");
        assertThat(notified.body()).contains("\"status\":\"SUCCEEDED\"", orderId);
    }

    private JsonNode api(String query, String form) throws IOException {
        String body = (form == null ? http.get().uri("/simulator/epay/api.php?" + query).exchange()
                : http.post().uri("/simulator/epay/api.php?" + query).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(BodyInserters.fromValue(form)).exchange())
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return json.readTree(body);
    }

    private static SessionCreateParams session(String orderId, long unitAmount) {
        return SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency("eur")
                                .setUnitAmount(unitAmount)
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName("Steam 50").build())
                                .build())
                        .build())
                .setClientReferenceId(orderId)
                .putMetadata("orderId", orderId)
                .setSuccessUrl("http://shop.test/orders/" + orderId)
                .setCancelUrl("http://shop.test/orders/" + orderId)
                .setExpiresAt(Instant.now().plus(Duration.ofMinutes(31)).getEpochSecond())
                .build();
    }

    /** The verified event of {@code type} about session {@code id}, once the merchant received it. */
    private static Event stripeEvent(String type, String id) {
        for (Received r : received) {
            if (r.path().startsWith("/stripe") && r.body().contains("\"" + type + "\"") && r.body().contains(id)) {
                try {
                    return Webhook.constructEvent(r.body(), r.signature(), WEBHOOK_SECRET);
                } catch (Exception e) {
                    throw new AssertionError("a badly signed event: " + e, e);
                }
            }
        }
        return null;
    }

    private static String serverUrl() {
        String url = System.getenv("CARDFLOW_TEST_DATABASE_URL");
        return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/postgres" : url;
    }

    private static String databaseUrl(String database) {
        String server = serverUrl();
        int slash = server.indexOf('/', "jdbc:postgresql://".length());
        int query = server.indexOf('?');
        return server.substring(0, slash + 1) + database + (query >= 0 ? server.substring(query) : "");
    }
}
