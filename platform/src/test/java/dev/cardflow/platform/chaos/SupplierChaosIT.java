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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Card suppliers that time out or are down: orders are delivered through the backup, or refunded once. */
@ChaosTest
class SupplierChaosIT {

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
    void primaryTimingOutOnMostCallsFailsOverToTheBackupAndBackWhenItRecovers() {
        Instant start = Instant.now();
        shop.supplierChaos("primary", Map.of("timeoutRate", 0.8));
        Product product = shop.upstreamProduct("3.00", "SKU-" + Shop.shortId());
        List<PlacedOrder> orders = shop.placeMany(product.productId(), 15, 3);

        Map<PlacedOrder, Duration> delivered = shop.awaitAll(shop.payAll(orders), Duration.ofSeconds(90),
                "DELIVERED");

        Outcomes outcomes = new Outcomes("primary supplier times out on 80% of calls");
        List<String> keys = new ArrayList<>();
        for (PlacedOrder order : orders) {
            JsonNode done = shop.order(order);
            assertThat(done.get("cardKeys")).hasSize(1);
            keys.add(done.get("cardKeys").get(0).asText());
            outcomes.record(done.get("status").asText(), delivered.get(order));
        }
        outcomes.duplicates(keys.size() - (int) keys.stream().distinct().count());
        System.out.println(outcomes.report());
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(keys).anyMatch(k -> k.startsWith("BAC-"));
        assertThat(transitionsOf("supplier-primary", start)).anyMatch(t -> t.endsWith("->OPEN"));

        shop.supplierChaos("primary", Map.of("timeoutRate", 0));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            PlacedOrder probe = shop.place(product.productId(), 1, Shop.email());
            shop.pay(shop.awaitPayment(probe));
            shop.awaitStatus(probe, "DELIVERED");
            return transitionsOf("supplier-primary", start).contains("HALF_OPEN->CLOSED");
        });
    }

    @Test
    void bothSuppliersDownRefundsEveryPaidOrderExactlyOnce() {
        shop.supplierChaos("primary", Map.of("failureRate", 1.0));
        shop.supplierChaos("backup", Map.of("failureRate", 1.0));
        Product product = shop.upstreamProduct("6.00", "SKU-" + Shop.shortId());
        List<PlacedOrder> orders = shop.placeMany(product.productId(), 5, 5);
        List<String> payments = orders.stream().map(shop::awaitPayment).toList();

        Map<PlacedOrder, Duration> refunded = shop.awaitAll(shop.payAll(orders), Duration.ofSeconds(90),
                "REFUNDED");

        Outcomes outcomes = new Outcomes("both suppliers down");
        for (PlacedOrder order : orders) {
            JsonNode done = shop.order(order);
            assertThat(done.get("reason").asText()).contains("card suppliers");
            assertThat(done.get("cardKeys").isNull()).isTrue();
            assertThat(Shop.entries(done, "supplier-retry")).isEqualTo(4);
            assertThat(Shop.entries(done, "refunded")).isEqualTo(1);
            outcomes.record("REFUNDED", refunded.get(order));
        }
        System.out.println(outcomes.report());
        for (String payment : payments) {
            JsonNode atPsp = shop.pspPayment(payment);
            assertThat(atPsp.get("status").asText()).isEqualTo("REFUNDED");
            assertThat(atPsp.get("refunds")).hasSize(1);
        }
    }

    private List<String> transitionsOf(String breaker, Instant since) {
        List<String> transitions = new ArrayList<>();
        for (JsonNode b : shop.breakers()) {
            if (b.get("name").asText().equals(breaker)) {
                for (JsonNode t : b.get("transitions")) {
                    if (Instant.parse(t.get("at").asText()).isAfter(since)) {
                        transitions.add(t.get("from").asText() + "->" + t.get("to").asText());
                    }
                }
            }
        }
        return transitions;
    }
}
