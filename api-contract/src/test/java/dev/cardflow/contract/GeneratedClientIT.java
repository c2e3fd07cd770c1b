package dev.cardflow.contract;

import dev.cardflow.client.admin.model.Reason;
import dev.cardflow.client.admin.model.RegisterProductRequest;
import dev.cardflow.client.shop.OrdersApi;
import dev.cardflow.client.shop.ProductsApi;
import dev.cardflow.client.shop.invoker.ApiClient;
import dev.cardflow.client.shop.invoker.ApiException;
import dev.cardflow.client.shop.invoker.ApiResponse;
import dev.cardflow.client.shop.model.OrderAccepted;
import dev.cardflow.client.shop.model.OrderResource;
import dev.cardflow.client.shop.model.PlaceOrderRequest;
import dev.cardflow.client.shop.model.Problem;
import dev.cardflow.infrastructure.testing.TestDatabase;
import dev.cardflow.platform.support.PlatformProcess;
import dev.cardflow.platform.support.Shop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * A storefront's and an operator's work done with nothing but the client generated from the served description
 * (the platform's jar runs as a process, as a user runs it): a buyer buys a key, an operator refunds the order, and
 * the refusals arrive as the documented problems. Anything the description gets wrong about the answers — a status,
 * a body's shape, a header, a security scheme — breaks this test or the client's compilation.
 */
class GeneratedClientIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static PlatformProcess platform;

    @BeforeAll
    static void startPlatform() {
        platform = new PlatformProcess(PlatformProcess.freePort(), TestDatabase.create()).start();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aBuyerBuysAKeyAndAnOperatorRefundsTheOrder() throws Exception {
        var products = new dev.cardflow.client.admin.ProductsApi(admin("admin", Shop.ADMIN_PASSWORD));
        String productId = products.registerProduct(new RegisterProductRequest().name("Contract card " + UUID.randomUUID())
                .price("4.50").currency("EUR").source(RegisterProductRequest.SourceEnum.POOL)).get("productId");
        String key = "CONTRACT-" + UUID.randomUUID();
        assertThat(products.uploadCardKeys(productId, key).getAdded()).isEqualTo(1);
        ProductsApi catalogue = new ProductsApi(shop());
        await().atMost(PATIENCE).until(() -> catalogue.listProducts().stream()
                .anyMatch(p -> p.getProductId().equals(productId) && Integer.valueOf(1).equals(p.getAvailable())));

        ApiResponse<OrderAccepted> placed = new OrdersApi(shop()).placeOrderWithHttpInfo(new PlaceOrderRequest()
                .productId(productId).quantity(1).email("buyer@example.com"), UUID.randomUUID().toString());
        assertThat(placed.getStatusCode()).isEqualTo(202);
        OrderAccepted accepted = placed.getData();
        assertThat(placed.getHeaders().get("location")).containsExactly("/api/orders/" + accepted.getOrderId());

        OrdersApi buyer = new OrdersApi(buyer(accepted.getAccessToken()));
        OrderResource payable = await().atMost(PATIENCE).until(() -> buyer.getOrder(accepted.getOrderId(), null, null),
                order -> order.getPayment() != null && order.getPayment().getPaymentId() != null);
        pay(payable.getPayment().getPaymentId());
        OrderResource delivered = await().atMost(PATIENCE).until(() -> buyer.getOrder(accepted.getOrderId(), null, null),
                order -> order.getStatus() == OrderResource.StatusEnum.DELIVERED);
        assertThat(delivered.getCardKeys()).containsExactly(key);
        assertThat(delivered.getAmount()).isEqualTo("4.50");

        // the order may still change after delivery (the buyer's mail is recorded on it): an ETag read before such
        // a change rightly answers 200, so the check is repeated with a fresh ETag until the order stands still
        await().atMost(PATIENCE).untilAsserted(() -> {
            String etag = buyer.getOrderWithHttpInfo(accepted.getOrderId(), null, null).getHeaders().get("etag").get(0);
            ApiException notModified = catchThrowableOfType(ApiException.class,
                    () -> buyer.getOrder(accepted.getOrderId(), null, etag));
            assertThat(notModified).isNotNull();
            assertThat(notModified.getCode()).isEqualTo(304);
        });

        var orders = new dev.cardflow.client.admin.OrdersApi(admin("admin", Shop.ADMIN_PASSWORD));
        assertThat(orders.refundOrder(accepted.getOrderId(), new Reason().reason("the buyer asked")))
                .containsEntry("action", "refund");
        await().atMost(PATIENCE).until(() -> buyer.getOrder(accepted.getOrderId(), null, null).getStatus()
                == OrderResource.StatusEnum.REFUNDED);
        assertThat(orders.auditOrder(accepted.getOrderId()).getEvents()).extracting("type")
                .contains("OrderRefunded");
    }

    @Test
    void refusalsArriveAsTheDocumentedProblems() {
        OrdersApi shop = new OrdersApi(shop());
        ApiException invalid = catchThrowableOfType(ApiException.class, () -> shop.placeOrder(new PlaceOrderRequest()
                .productId("anything").quantity(0).email("buyer@example.com"), null));
        assertThat(invalid.getCode()).isEqualTo(400);
        assertThat(problem(invalid).getType().getValue()).isEqualTo("/problems/invalid-quantity");

        ApiException unknown = catchThrowableOfType(ApiException.class, () -> shop.placeOrder(new PlaceOrderRequest()
                .productId("no-such-product").quantity(1).email("buyer@example.com"), null));
        assertThat(unknown.getCode()).isEqualTo(404);
        assertThat(problem(unknown).getType().getValue()).isEqualTo("/problems/unknown-product");

        OrdersApi stranger = new OrdersApi(buyer("not-a-token"));
        ApiException hidden = catchThrowableOfType(ApiException.class,
                () -> stranger.getOrder(UUID.randomUUID().toString(), null, null));
        assertThat(hidden.getCode()).isEqualTo(404);
        assertThat(problem(hidden).getType().getValue()).isEqualTo("/problems/order-not-found");

        var operators = new dev.cardflow.client.admin.OperatorsApi(admin("admin", "wrong password"));
        var unauthorized = catchThrowableOfType(dev.cardflow.client.admin.invoker.ApiException.class,
                operators::listOperators);
        assertThat(unauthorized.getCode()).isEqualTo(401);
    }

    private static Problem problem(ApiException e) {
        try {
            return ApiClient.createDefaultObjectMapper().readValue(e.getResponseBody(), Problem.class);
        } catch (IOException io) {
            throw new AssertionError("not a problem: " + e.getResponseBody(), io);
        }
    }

    private static String baseUri() {
        return "http://localhost:" + platform.port();
    }

    private static ApiClient shop() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri());
        return client;
    }

    /** The buyer's client: the order's access token as the bearer token the description names. */
    private static ApiClient buyer(String accessToken) {
        return shop().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + accessToken));
    }

    /** An operator's client, with HTTP Basic as the description says. */
    private static dev.cardflow.client.admin.invoker.ApiClient admin(String user, String password) {
        var client = new dev.cardflow.client.admin.invoker.ApiClient();
        client.updateBaseUri(baseUri());
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + basic));
    }

    /** What the buyer does on the PSP's pay page (the bundled simulator: outside the platform's API). */
    private static void pay(String paymentId) throws IOException, InterruptedException {
        // HTTP/1.1 and a timeout: a liveness guard (no h2c upgrade, no wait without end), not a performance target
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> paid = http.send(HttpRequest.newBuilder(
                        URI.create(baseUri() + "/simulator/psp/v1/payments/" + paymentId + "/complete"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
    }
}
