package dev.cardflow.platform.deploy;

import dev.cardflow.infrastructure.testing.TestDatabase;
import dev.cardflow.platform.support.PlatformProcess;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two platform processes on one PostgreSQL: a product edited through one is sold on the terms of the edit by
 * the other at once — no instance keeps a stale price or on-sale flag from before.
 */
class ProductEditsAcrossInstancesIT {

    @Test
    void placementOnTheOtherInstanceTakesTheNewPriceAndTheOffSaleFlagAtOnce() {
        String database = TestDatabase.create();
        try (PlatformProcess first = new PlatformProcess(PlatformProcess.freePort(), database).start();
             PlatformProcess second = new PlatformProcess(PlatformProcess.freePort(), database).start()) {
            Shop editor = new Shop(first.port());
            Shop seller = new Shop(second.port());
            Product product = editor.pooledProduct("2.00", Shop.keys(4));

            PlacedOrder before = seller.place(product.productId(), 1, Shop.email());
            assertThat(seller.awaitStatus(before, "PENDING_PAYMENT").get("amount").asText()).isEqualTo("2.00");

            patch(editor, product.productId(), Map.of("price", "3.00"));
            PlacedOrder after = seller.place(product.productId(), 1, Shop.email());
            assertThat(seller.awaitStatus(after, "PENDING_PAYMENT").get("amount").asText()).isEqualTo("3.00");

            patch(editor, product.productId(), Map.of("enabled", false));
            seller.http().post().uri("/api/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("productId", product.productId(), "quantity", 1, "email", Shop.email()))
                    .exchange().expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.type").isEqualTo("/problems/product-unavailable");

            patch(editor, product.productId(), Map.of("enabled", true));
            seller.place(product.productId(), 1, Shop.email());
            assertThat(seller.order(before).get("amount").asText()).isEqualTo("2.00");
        }
    }

    private static void patch(Shop shop, String productId, Map<String, Object> body) {
        shop.asAdmin(shop.http().patch().uri("/admin/api/products/{id}", productId)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(body))
                .exchange().expectStatus().isOk();
    }
}
