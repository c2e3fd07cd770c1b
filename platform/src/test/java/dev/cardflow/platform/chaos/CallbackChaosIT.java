package dev.cardflow.platform.chaos;

import dev.cardflow.platform.support.ChaosTest;
import dev.cardflow.platform.support.Outcomes;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A PSP whose callbacks are lost, late and duplicated: every paid order is still delivered, once. */
@ChaosTest
class CallbackChaosIT {

    @LocalServerPort
    int port;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
        shop.calmEverything();
    }

    @AfterEach
    void calm() {
        shop.calmEverything();
    }

    @Test
    void halfTheCallbacksLostAndAThirdDuplicatedStillDeliverEveryPaidOrderOnce() {
        shop.pspChaos(Map.of("callbackDropRate", 0.5, "callbackDuplicateRate", 0.3, "callbackDelayMs", 200,
                "latencyMs", 50, "jitterMs", 100));
        List<String> keys = Shop.keys(20);
        Product product = shop.pooledProduct("2.50", keys);
        List<PlacedOrder> orders = shop.placeMany(product.productId(), 20, 4);
        List<String> payments = orders.stream().map(shop::awaitPayment).toList();

        Map<PlacedOrder, Duration> delivered = shop.awaitAll(shop.payAll(orders), Duration.ofSeconds(60),
                "DELIVERED");

        Outcomes outcomes = new Outcomes("callbacks 50% dropped, 30% duplicated");
        List<String> received = new ArrayList<>();
        for (PlacedOrder order : orders) {
            JsonNode done = shop.order(order);
            assertThat(done.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(Shop.entries(done, "payment-confirmed")).isEqualTo(1);
            assertThat(Shop.entries(done, "delivered")).isEqualTo(1);
            assertThat(done.get("cardKeys")).hasSize(1);
            received.add(done.get("cardKeys").get(0).asText());
            outcomes.record("DELIVERED", delivered.get(order));
        }
        outcomes.duplicates(received.size() - (int) received.stream().distinct().count());
        System.out.println(outcomes.report());
        assertThat(received).containsExactlyInAnyOrderElementsOf(keys);
        for (String payment : payments) {
            JsonNode atPsp = shop.pspPayment(payment);
            assertThat(atPsp.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(atPsp.get("refunds")).isEmpty();
        }
        assertThat(shop.available(product.productId())).isZero();
    }
}
