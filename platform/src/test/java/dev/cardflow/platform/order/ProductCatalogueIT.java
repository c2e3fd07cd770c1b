package dev.cardflow.platform.order;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shop owner edits the catalogue — prices, texts, limits, tiers, on sale or not, a reusable key — and buyers
 * notice, over HTTP only; orders already placed keep what they were placed with.
 */
@PlatformTest
class ProductCatalogueIT {

    @LocalServerPort
    int port;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
    }

    @Test
    void editedProductSellsAtItsNewPriceWhileAnOrderPlacedBeforeKeepsItsAmount() {
        String productId = register(Map.of("price", "5.00"), Shop.keys(3));
        PlacedOrder before = shop.place(productId, 1, Shop.email());
        shop.awaitPayment(before);

        JsonNode changed = patch(productId, Map.of("name", "Renamed card", "price", "7.50",
                "description", "Now with a description"))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(changed.get("name").asText()).isEqualTo("Renamed card");
        assertThat(changed.get("price").asText()).isEqualTo("7.50");
        assertThat(changed.get("description").asText()).isEqualTo("Now with a description");

        await().atMost(Shop.PATIENCE).until(() -> listed(productId) != null
                && listed(productId).get("price").asText().equals("7.50"));
        JsonNode listed = listed(productId);
        assertThat(listed.get("name").asText()).isEqualTo("Renamed card");
        assertThat(listed.get("description").asText()).isEqualTo("Now with a description");

        PlacedOrder after = shop.place(productId, 1, Shop.email());
        JsonNode afterPending = shop.awaitStatus(after, "PENDING_PAYMENT");
        assertThat(afterPending.get("amount").asText()).isEqualTo("7.50");
        assertThat(afterPending.get("productName").asText()).isEqualTo("Renamed card");

        shop.pay(shop.order(before).get("payment").get("paymentId").asText());
        JsonNode delivered = shop.awaitStatus(before, "DELIVERED");
        assertThat(delivered.get("amount").asText()).isEqualTo("5.00");
    }

    @Test
    void disabledProductIsNotListedAndRefusesOrdersUntilItIsEnabledAgain() {
        String productId = register(Map.of("price", "2.00"), Shop.keys(2));

        patch(productId, Map.of("enabled", false)).expectStatus().isOk()
                .expectBody().jsonPath("$.enabled").isEqualTo(false);
        await().atMost(Shop.PATIENCE).until(() -> listed(productId) == null);
        assertThat(adminListed(productId).get("enabled").asBoolean()).isFalse();
        placement(productId, 1).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/product-unavailable");

        patch(productId, Map.of("enabled", true)).expectStatus().isOk()
                .expectBody().jsonPath("$.enabled").isEqualTo(true);
        await().atMost(Shop.PATIENCE).until(() -> listed(productId) != null);
        PlacedOrder order = shop.place(productId, 1, Shop.email());
        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");
    }

    @Test
    void orderAboveTheProductsMaxPerOrderIsRefusedAndAHigherMaxAllowsMoreThanTen() {
        String small = register(Map.of("price", "1.00", "maxPerOrder", 2), Shop.keys(3));
        assertThat(listed(small).get("maxPerOrder").asInt()).isEqualTo(2);

        placement(small, 3).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-quantity");
        shop.place(small, 2, Shop.email());

        String large = register(Map.of("price", "1.00", "maxPerOrder", 20), Shop.keys(15));
        PlacedOrder fifteen = shop.place(large, 15, Shop.email());
        shop.pay(shop.awaitPayment(fifteen));
        assertThat(shop.awaitStatus(fifteen, "DELIVERED").get("cardKeys")).hasSize(15);

        patch(large, Map.of("maxPerOrder", 101)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-max-per-order");
    }

    @Test
    void orderReachingAPriceTierPaysTheTiersUnitPrice() {
        String productId = register(Map.of("price", "10.00",
                "priceTiers", List.of(Map.of("minQuantity", 3, "price", "8.00"))), Shop.keys(5));
        JsonNode tiers = listed(productId).get("priceTiers");
        assertThat(tiers).hasSize(1);
        assertThat(tiers.get(0).get("minQuantity").asInt()).isEqualTo(3);
        assertThat(tiers.get(0).get("price").asText()).isEqualTo("8.00");

        PlacedOrder two = shop.place(productId, 2, Shop.email());
        PlacedOrder three = shop.place(productId, 3, Shop.email());

        assertThat(shop.awaitStatus(two, "PENDING_PAYMENT").get("amount").asText()).isEqualTo("20.00");
        assertThat(shop.awaitStatus(three, "PENDING_PAYMENT").get("amount").asText()).isEqualTo("24.00");
        patch(productId, Map.of("priceTiers", List.of(Map.of("minQuantity", 3, "price", "8.00"),
                Map.of("minQuantity", 3, "price", "7.00")))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-price-tiers");
        patch(productId, Map.of("priceTiers", List.of(Map.of("minQuantity", 4, "price", "7.00", "currency", "USD"))))
                .expectStatus().isBadRequest();
    }

    @Test
    void reusableKeyIsDeliveredToFiftyBuyers() {
        String licence = "LICENCE-" + Shop.shortId();
        String productId = register(Map.of("price", "3.00", "keyMode", "REUSABLE"), List.of());
        upload(productId, List.of(licence));
        await().atMost(Shop.PATIENCE).until(() -> listed(productId) != null);
        assertThat(listed(productId).get("available").isNull()).isTrue();
        assertThat(listed(productId).get("keyMode").asText()).isEqualTo("REUSABLE");

        List<PlacedOrder> orders = shop.placeMany(productId, 50, 8);
        shop.payAll(orders);

        for (PlacedOrder order : orders) {
            JsonNode delivered = shop.awaitStatus(order, "DELIVERED");
            assertThat(delivered.get("cardKeys")).hasSize(1);
            assertThat(delivered.get("cardKeys").get(0).asText()).isEqualTo(licence);
        }
        assertThat(listed(productId).get("available").isNull()).isTrue();
        assertThat(adminListed(productId).get("issued").asInt()).isEqualTo(50);
    }

    @Test
    void buyerReadsTheInstructionsOnlyOnceTheOrderIsDelivered() {
        String instructions = "Redeem it at https://store.example/redeem within 30 days.";
        String productId = register(Map.of("price", "4.00", "instructions", instructions), Shop.keys(1));
        assertThat(listed(productId).has("instructions")).isFalse();
        assertThat(adminListed(productId).get("instructions").asText()).isEqualTo(instructions);

        PlacedOrder order = shop.place(productId, 1, Shop.email());
        String paymentId = shop.awaitPayment(order);
        JsonNode pending = shop.order(order);
        assertThat(pending.path("instructions").isMissingNode() || pending.get("instructions").isNull()).isTrue();

        shop.pay(paymentId);
        JsonNode delivered = shop.awaitStatus(order, "DELIVERED");
        assertThat(delivered.get("instructions").asText()).isEqualTo(instructions);
    }

    @Test
    void fieldThatCannotChangeIsRefusedAndChangesNothing() {
        String productId = register(Map.of("price", "6.00"), Shop.keys(1));

        patch(productId, Map.of("price", "9.00", "keyMode", "REUSABLE")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/unknown-field");
        patch(productId, Map.of("currency", "USD")).expectStatus().isBadRequest();
        patch("no-such-product", Map.of("price", "9.00")).expectStatus().isNotFound();

        assertThat(adminListed(productId).get("price").asText()).isEqualTo("6.00");
    }

    // the operator's and the buyer's hands

    /** Registers a POOL product with {@code fields} (a name is made up), uploads {@code keys}, waits until it is listed. */
    private String register(Map<String, Object> fields, List<String> keys) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Catalogue " + Shop.shortId(), "currency", "EUR",
                "source", "POOL"));
        body.putAll(fields);
        JsonNode created = shop.asAdmin(shop.http().post().uri("/admin/api/products")
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(body))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String productId = created.get("productId").asText();
        if (!keys.isEmpty()) {
            upload(productId, keys);
            await().atMost(Shop.PATIENCE).until(() -> shop.available(productId) == keys.size());
        }
        return productId;
    }

    private void upload(String productId, List<String> keys) {
        shop.asAdmin(shop.http().post().uri("/admin/api/products/{id}/card-keys", productId)
                        .contentType(MediaType.TEXT_PLAIN).bodyValue(String.join("\n", keys)))
                .exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec patch(String productId, Map<String, Object> body) {
        return shop.asAdmin(shop.http().patch().uri("/admin/api/products/{id}", productId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)).exchange();
    }

    private WebTestClient.ResponseSpec placement(String productId, int quantity) {
        return shop.http().post().uri("/api/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", productId, "quantity", quantity, "email", Shop.email()))
                .exchange();
    }

    /** The product as the storefront lists it, or null when it is not listed. */
    private JsonNode listed(String productId) {
        return find(shop.http().get().uri("/api/products").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody(), productId);
    }

    private JsonNode adminListed(String productId) {
        return find(shop.asAdmin(shop.http().get().uri("/admin/api/products")).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody(), productId);
    }

    private static JsonNode find(JsonNode products, String productId) {
        List<JsonNode> found = new ArrayList<>();
        products.forEach(p -> {
            if (p.get("productId").asText().equals(productId)) {
                found.add(p);
            }
        });
        return found.isEmpty() ? null : found.get(0);
    }
}
