package dev.cardflow.platform.admin;

import dev.cardflow.platform.CardflowPlatform;
import dev.cardflow.platform.support.FreshDatabaseInitializer;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client may place a few orders a minute and hold a few unpaid ones; guessing tokens is slowed
 * the same way; polling one's own order is never limited. Here: 4 requests a minute, 2 unpaid orders.
 */
@SpringBootTest(classes = CardflowPlatform.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cardflow.admin.password=" + Shop.ADMIN_PASSWORD, "cardflow.rate-limit-per-minute=4",
                "cardflow.max-unpaid-orders=2"})
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
class ClientLimitsIT {

    @LocalServerPort
    int port;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
    }

    @Test
    void unpaidOrdersAreCappedPerClientAndPlacementsAreRateLimited() {
        Product product = shop.pooledProduct("1.00", Shop.keys(5));
        PlacedOrder first = shop.place(product.productId(), 1, Shop.email());
        shop.place(product.productId(), 1, Shop.email());

        shop.http().post().uri("/api/orders").header("Idempotency-Key", Shop.shortId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", product.productId(), "quantity", 1, "email", Shop.email()))
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/too-many-unpaid-orders");

        shop.pay(shop.awaitPayment(first));
        shop.awaitStatus(first, "DELIVERED");
        shop.place(product.productId(), 1, Shop.email());

        shop.http().post().uri("/api/orders").header("Idempotency-Key", Shop.shortId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", product.productId(), "quantity", 1, "email", Shop.email()))
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("/problems/rate-limited");

        for (int poll = 0; poll < 30; poll++) {
            assertThat(shop.status(first)).isEqualTo("DELIVERED");
        }
    }

    @Test
    void guessingTokensIsRateLimitedToo() {
        for (int guess = 0; guess < 4; guess++) {
            shop.http().get().uri("/api/orders/{id}?token=guess{n}", "some-order", guess)
                    .exchange().expectStatus().isNotFound();
        }
        shop.http().get().uri("/api/orders/some-order?token=guess5")
                .exchange().expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
    }

    @Test
    void everyClientBehindTheTrustedProxyHasLimitsOfItsOwn() {
        // the test talks from loopback, which is trusted by default: it stands in for the gateway
        for (int guess = 0; guess < 4; guess++) {
            shop.http().get().uri("/api/orders/some-order?token=guess{n}", guess)
                    .header("X-Forwarded-For", "198.51.100.10")
                    .exchange().expectStatus().isNotFound();
        }
        shop.http().get().uri("/api/orders/some-order?token=guess5").header("X-Forwarded-For", "198.51.100.10")
                .exchange().expectStatus().isEqualTo(429);
        // another buyer behind the same proxy is not held up by the first
        shop.http().get().uri("/api/orders/some-order?token=guess6").header("X-Forwarded-For", "198.51.100.11")
                .exchange().expectStatus().isNotFound();
        // the proxy appends the peer it saw: whatever the first buyer wrote in front is not believed
        shop.http().get().uri("/api/orders/some-order?token=guess7")
                .header("X-Forwarded-For", "198.51.100.99, 198.51.100.10")
                .exchange().expectStatus().isEqualTo(429);
    }
}
