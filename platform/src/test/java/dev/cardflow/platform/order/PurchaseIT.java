package dev.cardflow.platform.order;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A buyer buys a card key, through HTTP only, on the real PostgreSQL and the real PSP simulator. */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class PurchaseIT {

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
    void buyerPaysAndReceivesTheReservedKey() {
        List<String> keys = Shop.keys(2);
        Product product = shop.pooledProduct("9.90", keys);

        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        String paymentId = shop.awaitPayment(order);
        JsonNode pending = shop.order(order);
        assertThat(pending.get("amount").asText()).isEqualTo("9.90");
        assertThat(pending.get("currency").asText()).isEqualTo("EUR");
        assertThat(pending.get("payment").get("payUrl").asText()).endsWith("/simulator/psp/pay/" + paymentId);
        assertThat(pending.get("cardKeys").isNull()).isTrue();
        assertThat(shop.available(product.productId())).isEqualTo(1);

        shop.pay(paymentId);
        JsonNode delivered = shop.awaitStatus(order, "DELIVERED");

        assertThat(delivered.get("cardKeys")).hasSize(1);
        assertThat(delivered.get("cardKeys").get(0).asText()).isEqualTo(keys.get(0));
        List<String> stages = new ArrayList<>();
        delivered.get("timeline").forEach(entry -> stages.add(entry.get("status").asText()));
        assertThat(stages).containsSubsequence("PLACED", "PENDING_PAYMENT", "PAID", "DELIVERED");
        assertThat(shop.pspPayment(paymentId).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void twoKeysInOneOrderAreDistinctAndLeaveTheShelf() {
        List<String> keys = Shop.keys(3);
        Product product = shop.pooledProduct("4.00", keys);

        PlacedOrder order = shop.place(product.productId(), 2, Shop.email());
        shop.pay(shop.awaitPayment(order));
        JsonNode delivered = shop.awaitStatus(order, "DELIVERED");

        assertThat(delivered.get("amount").asText()).isEqualTo("8.00");
        List<String> received = new ArrayList<>();
        delivered.get("cardKeys").forEach(k -> received.add(k.asText()));
        assertThat(received).doesNotHaveDuplicates().hasSize(2).isSubsetOf(keys);
        assertThat(shop.available(product.productId())).isEqualTo(1);
    }

    @Test
    void orderJustAcceptedIsReadableAtOnceAndNeverNotFound() {
        Product product = shop.pooledProduct("1.00", Shop.keys(1));

        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());

        assertThat(shop.status(order)).isIn("PLACED", "PENDING_PAYMENT");
    }

    @Test
    void wrongOrMissingTokenAnswersNotFoundAsProblem() {
        Product product = shop.pooledProduct("1.00", Shop.keys(1));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());

        shop.http().get().uri("/api/orders/{id}", order.orderId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-the-token")
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.type").exists();
        shop.http().get().uri("/api/orders/{id}", order.orderId())
                .exchange().expectStatus().isNotFound();
        shop.http().get().uri("/api/orders/{id}?token={t}", order.orderId(), order.accessToken())
                .exchange().expectStatus().isOk();
    }

    @Test
    void unchangedOrderAnswersNotModifiedToItsETag() {
        Product product = shop.pooledProduct("1.00", Shop.keys(1));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        shop.awaitPayment(order);

        String etag = shop.http().get().uri("/api/orders/{id}?token={t}", order.orderId(), order.accessToken())
                .exchange().expectStatus().isOk().returnResult(String.class)
                .getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();

        shop.http().get().uri("/api/orders/{id}?token={t}", order.orderId(), order.accessToken())
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange().expectStatus().isNotModified().expectBody().isEmpty();
    }

    @Test
    void invalidPlacementsAreRefusedAndStoreNothing() {
        Product product = shop.pooledProduct("1.00", Shop.keys(2));
        String email = Shop.email();

        expectProblem(Map.of("productId", product.productId(), "quantity", 0, "email", email), 400);
        expectProblem(Map.of("productId", product.productId(), "quantity", 11, "email", email), 400)
                .jsonPath("$.type").isEqualTo("/problems/invalid-quantity")
                .jsonPath("$.errors[0].field").isEqualTo("quantity");
        expectProblem(Map.of("productId", product.productId(), "quantity", 1, "email", "not-an-email"), 400)
                .jsonPath("$.type").isEqualTo("/problems/invalid-email")
                .jsonPath("$.errors[0].field").isEqualTo("email");
        expectProblem(Map.of("productId", product.productId(), "email", email), 400);
        expectProblem(Map.of("quantity", 1, "email", email), 400);
        expectProblem(Map.of("productId", "no-such-product", "quantity", 1, "email", email), 404);
        shop.http().post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"productId\": \"" + product.productId() + "\", \"quantity\": 1, \"email\": \"" + email
                        + "\", \"padding\": \"" + "x".repeat(17 * 1024) + "\"}")
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        shop.http().post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).bodyValue("{not json")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(shop.adminOrders(email)).isEmpty();
        assertThat(shop.available(product.productId())).isEqualTo(2);
    }

    @Test
    void adminEndpointsNeedCredentials() {
        shop.http().get().uri("/admin/api/products").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        shop.http().post().uri("/admin/api/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "x", "price", "1.00", "currency", "EUR", "source", "POOL"))
                .exchange().expectStatus().isUnauthorized();
        shop.http().get().uri("/admin/api/products").headers(h -> h.setBasicAuth("admin", "wrong"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void duplicateKeysInAnUploadAreCountedNotAdded() {
        List<String> keys = Shop.keys(2);
        Product product = shop.pooledProduct("2.00", keys);

        shop.asAdmin(shop.http().post().uri("/admin/api/products/{id}/card-keys", product.productId())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("keys", List.of(keys.get(0), "  " + keys.get(1) + " ", "FRESH-" + Shop.shortId()))))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.added").isEqualTo(1).jsonPath("$.duplicates").isEqualTo(2);
    }

    @Test
    void linesLoggedWhileHandlingAnOrderCarryItsOrderIdAndTheBuyersTraceIdTravelsWithItsEvents(CapturedOutput log) {
        Product product = shop.pooledProduct("3.00", Shop.keys(1));
        String traceId = UUID.randomUUID().toString().replace("-", "");

        JsonNode accepted = shop.json(shop.http().post().uri("/api/orders")
                .header("Idempotency-Key", Shop.shortId())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", product.productId(), "quantity", 1, "email", Shop.email()))
                .exchange().expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody());
        PlacedOrder order = new PlacedOrder(accepted.get("orderId").asText(), accepted.get("accessToken").asText());
        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");
        String orderField = "order=" + order.orderId();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logLines(log, "delivered mail handed to the mail service"))
                .as("the mail handler's line (an event handler)").anyMatch(line -> line.contains(orderField)));
        assertThat(logLines(log, "Order " + order.orderId() + " accepted"))
                .as("the placement's line").singleElement().asString()
                .contains(orderField).contains("trace=" + traceId);
        assertThat(jdbc.queryForList("select convert_from(meta_data, 'UTF8') from domain_event_entry "
                        + "where aggregate_identifier = ? and payload_type like '%OrderPlaced'", String.class,
                order.orderId()))
                .as("the OrderPlaced event's metadata").singleElement().asString().contains(traceId);
    }

    private static List<String> logLines(CapturedOutput log, String containing) {
        return log.getAll().lines().filter(line -> line.contains(containing)).toList();
    }

    private WebTestClient.BodyContentSpec expectProblem(Map<String, Object> body, int status) {
        return shop.http().post().uri("/api/orders").header("Idempotency-Key", Shop.shortId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").exists().jsonPath("$.detail").exists().jsonPath("$.type").exists();
    }
}
