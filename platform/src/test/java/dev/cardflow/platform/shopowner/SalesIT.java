package dev.cardflow.platform.shopowner;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shop owner's figures over HTTP: what was placed, delivered, refunded and cancelled in a range,
 * the revenue (deliveries minus refunds of delivered orders) per product and day, and the orders as
 * CSV. Other tests' orders share the platform, so totals are checked as at least this test's own,
 * and this test's products exactly.
 */
@PlatformTest
class SalesIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
        shop.calmEverything();
    }

    @Test
    void statsCountDeliveriesRefundsAndCancellationsWithTheRevenueKept() {
        Instant from = Instant.now().minusSeconds(1);
        Shop.Product product = shop.pooledProduct("8.00", Shop.keys(3));
        PlacedOrder kept = shop.place(product.productId(), 1, Shop.email());
        PlacedOrder refunded = shop.place(product.productId(), 1, Shop.email());
        PlacedOrder cancelled = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(kept));
        shop.pay(shop.awaitPayment(refunded));
        shop.awaitPayment(cancelled);
        shop.awaitStatus(kept, "DELIVERED");
        shop.awaitStatus(refunded, "DELIVERED");
        assertThat(shop.operator(refunded.orderId(), "refund", Map.of("reason", "did not work"))).isEqualTo(202);
        assertThat(shop.operator(cancelled.orderId(), "cancel", Map.of("reason", "changed my mind"))).isEqualTo(202);
        shop.awaitStatus(refunded, "REFUNDED");
        shop.awaitStatus(cancelled, "CANCELLED");
        Instant to = Instant.now().plusSeconds(1);

        JsonNode stats = stats(from, to);

        JsonNode orders = stats.get("orders");
        assertThat(orders.get("placed").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(orders.get("delivered").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(orders.get("refunded").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(orders.get("cancelled").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("revenue").findValuesAsText("currency")).contains("EUR");
        JsonNode mine = product(stats, product.productId());
        assertThat(mine.get("name").asText()).isEqualTo(product.name());
        assertThat(mine.get("delivered").asLong()).isEqualTo(2);
        assertThat(mine.get("revenue")).hasSize(1);
        assertThat(mine.get("revenue").get(0).get("currency").asText()).isEqualTo("EUR");
        assertThat(mine.get("revenue").get(0).get("amount").asText()).isEqualTo("8.00");
        JsonNode today = day(stats, LocalDate.now(ZoneOffset.UTC));
        assertThat(today.get("delivered").asLong()).isGreaterThanOrEqualTo(2);

        Instant midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        JsonNode before = stats(midnight.minus(2, ChronoUnit.DAYS), midnight);
        assertThat(before.get("products").findValuesAsText("productId")).doesNotContain(product.productId());
        assertThat(before.get("days")).hasSize(2);
    }

    @Test
    void aRangeThatIsBackwardsOrMalformedIsRefused() {
        Instant now = Instant.now();
        shop.asAdmin(shop.http().get().uri(u -> u.path("/admin/api/stats")
                        .queryParam("from", now.toString()).queryParam("to", now.minusSeconds(60).toString()).build()))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-range");
        shop.asAdmin(shop.http().get().uri("/admin/api/stats?from=yesterday"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-range");
        shop.asAdmin(shop.http().get().uri("/admin/api/orders.csv?to=soon"))
                .exchange().expectStatus().isBadRequest();
        shop.http().get().uri("/admin/api/stats").exchange().expectStatus().isUnauthorized();
        shop.asAdmin(shop.http().get().uri("/admin/api/stats")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.days.length()").isEqualTo(31);
    }

    @Test
    void operatorsReadTheStatsToo() {
        String username = "clerk-" + Shop.shortId();
        shop.asAdmin(shop.http().post().uri("/admin/api/operators").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("username", username, "password", "clerk-password-1", "role", "OPERATOR")))
                .exchange().expectStatus().is2xxSuccessful();
        shop.http().get().uri("/admin/api/stats").headers(h -> h.setBasicAuth(username, "clerk-password-1"))
                .exchange().expectStatus().isOk();
        shop.http().get().uri("/admin/api/orders.csv").headers(h -> h.setBasicAuth(username, "clerk-password-1"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void theCsvHasAHeaderAndOneEscapedLinePerOrder() {
        Instant from = Instant.now().minusSeconds(1);
        String nastyName = "=HYPERLINK(\"http://evil.example\"), \"free\" " + Shop.shortId();
        JsonNode created = shop.json(shop.asAdmin(shop.http().post().uri("/admin/api/products")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("name", nastyName, "price", "2.50", "currency", "EUR", "source", "POOL")))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
        String productId = created.get("productId").asText();
        shop.asAdmin(shop.http().post().uri("/admin/api/products/{id}/card-keys", productId)
                        .contentType(MediaType.TEXT_PLAIN).bodyValue(String.join("\n", Shop.keys(2))))
                .exchange().expectStatus().isOk();
        String nastyEmail = "=1+2,\"x\"" + Shop.shortId() + "@example.com";
        PlacedOrder nasty = shop.place(productId, 1, nastyEmail);
        PlacedOrder plain = shop.place(productId, 1, Shop.email());
        shop.pay(shop.awaitPayment(plain));
        String paymentId = shop.awaitStatus(plain, "DELIVERED").get("payment").get("paymentId").asText();
        shop.awaitPayment(nasty);
        Instant to = Instant.now().plusSeconds(1);

        var result = shop.asAdmin(shop.http().get().uri(u -> u.path("/admin/api/orders.csv")
                        .queryParam("from", from.toString()).queryParam("to", to.toString()).build()))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).returnResult();
        assertThat(result.getResponseHeaders().getFirst("Content-Disposition")).startsWith("attachment");
        List<String> lines = Arrays.asList(result.getResponseBody().split("\r\n"));

        assertThat(lines.get(0))
                .isEqualTo("orderId,placedAt,status,product,quantity,amount,currency,email,paymentMethod,paymentId");
        String escapedName = "\"'" + nastyName.replace("\"", "\"\"") + "\"";
        assertThat(lines).filteredOn(line -> line.startsWith(nasty.orderId() + ",")).singleElement()
                .satisfies(line -> assertThat(line)
                        .contains(",PENDING_PAYMENT," + escapedName + ",1,2.50,EUR,")
                        .contains(",\"'" + nastyEmail.replace("\"", "\"\"") + "\",simulator,"));
        assertThat(lines).filteredOn(line -> line.startsWith(plain.orderId() + ",")).singleElement()
                .satisfies(line -> assertThat(line).contains(",DELIVERED," + escapedName + ",1,2.50,EUR,")
                        .endsWith(",simulator," + paymentId));
    }

    @Test
    void aRebuildOfTheOrderStatusProjectionReproducesTheLookUpAndSalesColumns() {
        Shop.Product product = shop.pooledProduct("5.00", Shop.keys(2));
        JsonNode accepted = shop.json(shop.http().post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", product.productId(), "quantity", 1, "email", Shop.email(),
                        "queryPassword", "rebuild-me"))
                .exchange().expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody());
        PlacedOrder refunded = new PlacedOrder(accepted.get("orderId").asText(), accepted.get("accessToken").asText());
        PlacedOrder delivered = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(refunded));
        shop.pay(shop.awaitPayment(delivered));
        shop.awaitStatus(refunded, "DELIVERED");
        shop.awaitStatus(delivered, "DELIVERED");
        shop.operator(refunded.orderId(), "refund", Map.of("reason", "rebuild test"));
        shop.awaitStatus(refunded, "REFUNDED");
        await().atMost(Shop.PATIENCE).until(() -> Shop.entries(shop.order(delivered), "notification-sent") == 1
                && Shop.entries(shop.order(refunded), "notification-sent") >= 1);
        List<Map<String, Object>> before = salesColumns(product.productId());
        assertThat(before).filteredOn(row -> row.get("order_id").equals(refunded.orderId())).singleElement()
                .satisfies(row -> assertThat(row.get("query_password_hash")).asString().startsWith("$2a$"))
                .satisfies(row -> assertThat(row.get("refunded_at")).isNotNull());

        shop.asAdmin(shop.http().post().uri("/admin/api/projections/order-status/rebuild")).exchange()
                .expectStatus().isAccepted();
        await().atMost(Shop.PATIENCE).pollInterval(Duration.ofMillis(200)).until(this::orderStatusCaughtUp);

        assertThat(salesColumns(product.productId())).isEqualTo(before);
    }

    /** This test's orders only: other tests' orders may still be moving while the projection is rebuilt. */
    private List<Map<String, Object>> salesColumns(String productId) {
        return jdbc.queryForList("select order_id, query_password_hash, delivered_at, refunded_at from order_status "
                + "where product_id = ? order by order_id", productId);
    }

    private boolean orderStatusCaughtUp() {
        JsonNode processors = shop.json(shop.asAdmin(shop.http().get().uri("/admin/api/projections")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        for (JsonNode p : processors) {
            if (p.get("name").asText().equals("order-status")) {
                boolean caughtUp = p.get("segments").size() > 0;
                for (JsonNode segment : p.get("segments")) {
                    caughtUp &= segment.get("caughtUp").asBoolean() && !segment.get("replaying").asBoolean();
                }
                return p.get("running").asBoolean() && !p.get("replaying").asBoolean() && caughtUp;
            }
        }
        return false;
    }

    private JsonNode stats(Instant from, Instant to) {
        return shop.json(shop.asAdmin(shop.http().get().uri(u -> u.path("/admin/api/stats")
                        .queryParam("from", from.toString()).queryParam("to", to.toString()).build()))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private static JsonNode product(JsonNode stats, String productId) {
        for (JsonNode product : stats.get("products")) {
            if (product.get("productId").asText().equals(productId)) {
                return product;
            }
        }
        throw new AssertionError("no product " + productId + " in " + stats);
    }

    private static JsonNode day(JsonNode stats, LocalDate date) {
        for (JsonNode day : stats.get("days")) {
            if (day.get("date").asText().equals(date.toString())) {
                return day;
            }
        }
        throw new AssertionError("no day " + date + " in " + stats);
    }
}
