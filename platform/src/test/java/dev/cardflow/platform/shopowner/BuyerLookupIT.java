package dev.cardflow.platform.shopowner;

import dev.cardflow.platform.CardflowPlatform;
import dev.cardflow.platform.support.FreshDatabaseInitializer;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer who lost the order link finds the orders again with the e-mail and the query password
 * chosen at checkout — and nobody else does: a wrong password and an unknown e-mail get the same
 * empty answer, and look-ups are limited per client like guessed tokens (here 8 a minute; each
 * test is its own client behind the trusted proxy, so the tests do not share an allowance).
 */
@SpringBootTest(classes = CardflowPlatform.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cardflow.admin.password=" + Shop.ADMIN_PASSWORD, "cardflow.rate-limit-per-minute=8",
                "cardflow.max-unpaid-orders=1000000"})
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
class BuyerLookupIT {

    @LocalServerPort
    int port;
    Shop shop;
    String client;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        client = "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    @Test
    void ordersPlacedWithAQueryPasswordAreFoundByEmailInAnyCaseAndTheirLinksOpenThem() {
        Product product = shop.pooledProduct("4.00", Shop.keys(4));
        String email = "Lost-" + Shop.shortId() + "@Example.com";
        String idempotencyKey = UUID.randomUUID().toString();
        PlacedOrder first = place(product, email, "correct horse", idempotencyKey);
        PlacedOrder again = place(product, email, "correct horse", idempotencyKey);
        PlacedOrder second = place(product, email, "correct horse", UUID.randomUUID().toString());
        PlacedOrder otherPassword = place(product, email, "another secret", UUID.randomUUID().toString());
        assertThat(again.orderId()).isEqualTo(first.orderId());
        for (PlacedOrder order : List.of(first, second, otherPassword)) {
            shop.awaitPayment(order);
        }

        JsonNode found = lookup(email.toUpperCase(), "correct horse");

        assertThat(found).hasSize(2);
        assertThat(found.findValuesAsText("orderId")).containsExactlyInAnyOrder(first.orderId(), second.orderId());
        for (JsonNode order : found) {
            assertThat(order.get("status").asText()).isEqualTo("PENDING_PAYMENT");
            assertThat(order.get("productName").asText()).isEqualTo(product.name());
            assertThat(order.get("placedAt").asText()).isNotBlank();
            URI link = URI.create(order.get("link").asText());
            assertThat(link.getPath()).isEqualTo("/orders/" + order.get("orderId").asText());
            String token = link.getQuery().substring("token=".length());
            shop.http().get().uri("/api/orders/{id}?token={token}", order.get("orderId").asText(), token)
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.orderId").isEqualTo(order.get("orderId").asText());
        }
        assertThat(lookup(email.toLowerCase(), "another secret").findValuesAsText("orderId"))
                .containsExactly(otherPassword.orderId());
        JsonNode audit = shop.audit(first.orderId());
        assertThat(audit.toString()).doesNotContain("correct horse");
        assertThat(audit.get("integrity").get("verified").asBoolean()).isTrue();
        shop.http().get().uri("/api/orders/{id}/receipt", first.orderId())
                .header("Authorization", "Bearer " + first.accessToken())
                .exchange().expectStatus().isOk();
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailFindNothingAlike() {
        Product product = shop.pooledProduct("4.00", Shop.keys(2));
        String email = Shop.email();
        PlacedOrder order = place(product, email, "s3cret-pass", UUID.randomUUID().toString());
        PlacedOrder withoutPassword = placeWithout(product, email);
        shop.awaitPayment(order);
        shop.awaitPayment(withoutPassword);

        assertThat(lookup(email, "wrong-pass")).isEmpty();
        assertThat(lookup(Shop.email(), "s3cret-pass")).isEmpty();
        assertThat(lookup(email, "s3cret-pass").findValuesAsText("orderId")).containsExactly(order.orderId());
    }

    @Test
    void aQueryPasswordOfFewerThanSixCharactersIsRefused() {
        Product product = shop.pooledProduct("4.00", Shop.keys(1));
        shop.http().post().uri("/api/orders").header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", product.productId(), "quantity", 1, "email", Shop.email(),
                        "queryPassword", "12345"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-query-password");
        assertThat(shop.available(product.productId())).isEqualTo(1);
    }

    @Test
    void lookUpsBeyondTheLimitAreRefusedWithRetryAfter() {
        String email = Shop.email();
        for (int guess = 0; guess < 8; guess++) {
            assertThat(lookup(email, "guess-" + guess)).isEmpty();
        }
        shop.http().post().uri("/api/orders/lookup").header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "queryPassword", "guess-9"))
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("/problems/rate-limited");
    }

    private PlacedOrder place(Product product, String email, String queryPassword, String idempotencyKey) {
        Map<String, Object> body = new HashMap<>(Map.of("productId", product.productId(), "quantity", 1,
                "email", email));
        if (queryPassword != null) {
            body.put("queryPassword", queryPassword);
        }
        JsonNode accepted = shop.json(shop.http().post().uri("/api/orders")
                .header("Idempotency-Key", idempotencyKey).header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody());
        return new PlacedOrder(accepted.get("orderId").asText(), accepted.get("accessToken").asText());
    }

    private PlacedOrder placeWithout(Product product, String email) {
        return place(product, email, null, UUID.randomUUID().toString());
    }

    private JsonNode lookup(String email, String queryPassword) {
        return shop.json(shop.http().post().uri("/api/orders/lookup").header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "queryPassword", queryPassword))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }
}
