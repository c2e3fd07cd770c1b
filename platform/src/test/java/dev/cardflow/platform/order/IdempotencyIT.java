package dev.cardflow.platform.order;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A retried placement never makes a second order, also when the retries race. */
@PlatformTest
class IdempotencyIT {

    @LocalServerPort
    int port;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
    }

    @Test
    void sameIdempotencyKeySentTwentyTimesAtOnceMakesOneOrder() throws Exception {
        Product product = shop.pooledProduct("3.00", Shop.keys(5));
        String email = Shop.email();
        String key = UUID.randomUUID().toString();

        List<Callable<JsonNode>> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(() -> shop.json(shop.http().post().uri("/api/orders").header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("productId", product.productId(), "quantity", 1, "email", email))
                    .exchange().expectStatus().isAccepted()
                    .expectBody(String.class).returnResult().getResponseBody()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<JsonNode> answers = new ArrayList<>();
        try {
            for (Future<JsonNode> answer : pool.invokeAll(requests)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(answers).extracting(a -> a.get("orderId").asText()).containsOnly(answers.get(0).get("orderId").asText());
        assertThat(answers).extracting(a -> a.get("accessToken").asText())
                .containsOnly(answers.get(0).get("accessToken").asText());
        Shop.PlacedOrder order = new Shop.PlacedOrder(answers.get(0).get("orderId").asText(),
                answers.get(0).get("accessToken").asText());
        shop.awaitPayment(order);
        assertThat(shop.adminOrders(email)).hasSize(1);
        assertThat(shop.available(product.productId())).isEqualTo(4);
    }

    @Test
    void sameKeyWithADifferentBodyIsAConflict() {
        Product product = shop.pooledProduct("3.00", Shop.keys(3));
        String email = Shop.email();
        String key = UUID.randomUUID().toString();
        Shop.PlacedOrder first = shop.place(product.productId(), 1, email, key);

        shop.http().post().uri("/api/orders").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", product.productId(), "quantity", 2, "email", email))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        Shop.PlacedOrder again = shop.place(product.productId(), 1, email, key);
        assertThat(again).isEqualTo(first);
        shop.awaitPayment(first);
        assertThat(shop.adminOrders(email)).hasSize(1);
    }
}
