package dev.cardflow.platform.order;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** More buyers than keys: nobody gets a key twice, nobody pays for a key that is not there. */
@PlatformTest
class StockContentionIT {

    @LocalServerPort
    int port;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
    }

    @Test
    void fiveOrdersForThreeKeysCancelTwoAsOutOfStockAndDeliverThreeDistinctKeys() throws Exception {
        List<String> keys = Shop.keys(3);
        Product product = shop.pooledProduct("5.00", keys);

        List<Callable<PlacedOrder>> buyers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            buyers.add(() -> shop.place(product.productId(), 1, Shop.email()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<PlacedOrder> orders = new ArrayList<>();
        try {
            for (Future<PlacedOrder> placed : pool.invokeAll(buyers)) {
                orders.add(placed.get());
            }
        } finally {
            pool.shutdown();
        }

        List<PlacedOrder> cancelled = new ArrayList<>();
        List<PlacedOrder> payable = new ArrayList<>();
        for (PlacedOrder order : orders) {
            JsonNode settled = shop.awaitStatus(order, "CANCELLED", "PENDING_PAYMENT");
            if (settled.get("status").asText().equals("CANCELLED")) {
                assertThat(settled.get("reason").asText()).contains("out of stock");
                cancelled.add(order);
            } else {
                payable.add(order);
            }
        }
        assertThat(cancelled).hasSize(2);
        assertThat(payable).hasSize(3);
        assertThat(shop.available(product.productId())).isZero();

        payable.forEach(order -> shop.pay(shop.order(order).get("payment").get("paymentId").asText()));
        List<String> delivered = new ArrayList<>();
        for (PlacedOrder order : payable) {
            JsonNode done = shop.awaitStatus(order, "DELIVERED");
            done.get("cardKeys").forEach(k -> delivered.add(k.asText()));
        }
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(keys);
        for (PlacedOrder order : cancelled) {
            assertThat(shop.status(order)).isEqualTo("CANCELLED");
        }
    }
}
