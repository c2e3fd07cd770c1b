package dev.cardflow.platform.crash;

import dev.cardflow.infrastructure.testing.TestDatabase;
import dev.cardflow.platform.support.Outcomes;
import dev.cardflow.platform.support.PlatformProcess;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform process is killed with SIGKILL — twice — while orders are spread over every stage
 * (reserving, creating payments, waiting for payment, paid, buying keys, refunding), and started
 * again on the same database and port. Every order still ends in a terminal status, and nothing
 * is issued, charged or refunded twice.
 */
class CrashRecoveryIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    /** An order the test placed, and whether its buyer pays. */
    /** {@code paid}: the buyer got a payment to pay and paid it (not so when the time to pay ran out first). */
    private record Tracked(PlacedOrder order, java.util.concurrent.atomic.AtomicBoolean paid, boolean pool) {
    }

    private final List<Tracked> tracked = new ArrayList<>();
    private final ExecutorService buyers = Executors.newFixedThreadPool(8);
    private Shop shop;

    @Test
    void killedPlatformFinishesEveryOrderOnceAfterARestart() throws Exception {
        int port = PlatformProcess.freePort();
        List<String> poolKeys = Shop.keys(40);
        try (PlatformProcess platform = new PlatformProcess(port, TestDatabase.create(),
                "--cardflow.fulfilment.payment-expiry=PT40S",
                "--cardflow.fulfilment.payment-check=PT2S",
                "--cardflow.fulfilment.payment-check-max=PT4S",
                "--cardflow.fulfilment.step-retry=PT1S",
                "--cardflow.fulfilment.step-retry-max=PT4S",
                "--cardflow.fulfilment.step-timeout=PT15S",
                "--cardflow.fulfilment.card-purchase-attempts=3",
                "--resilience4j.timelimiter.configs.default.timeout-duration=2s").start()) {
            shop = new Shop(port);
            Product pool = shop.pooledProduct("1.00", poolKeys);
            Product upstream = shop.upstreamProduct("2.00", "SKU-" + Shop.shortId());
            shop.pspChaos(Map.of("latencyMs", 150, "jitterMs", 250, "callbackDelayMs", 300));
            shop.supplierChaos("primary", Map.of("latencyMs", 200, "jitterMs", 300, "failureRate", 1.0));
            shop.supplierChaos("backup", Map.of("latencyMs", 200, "jitterMs", 300, "failureRate", 1.0));

            // first wave: keys bought from suppliers that are down (refunds), pool orders paid and unpaid
            List<PlacedOrder> doomed = buy(upstream, 4, true, false);
            buy(pool, 10, true, true);
            buy(pool, 4, false, true);
            Thread.sleep(2500);
            platform.kill();
            platform.start();

            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> doomed.stream()
                    .allMatch(o -> Set.of("REFUNDING", "REFUNDED").contains(Shop.retrying(() -> shop.status(o)))));
            Shop.retrying(() -> {
                shop.supplierChaos("primary", Map.of("failureRate", 0));
                shop.supplierChaos("backup", Map.of("failureRate", 0));
                return null;
            });
            // second wave: suppliers back, more of everything
            buy(upstream, 6, true, false);
            buy(pool, 6, true, true);
            buy(pool, 2, false, true);
            Thread.sleep(2000);
            platform.kill();
            platform.start();

            buyers.shutdown();
            assertThat(buyers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            Outcomes outcomes = new Outcomes("killed twice mid-flight");
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> tracked.stream()
                    .allMatch(t -> Set.of("DELIVERED", "CANCELLED", "REFUNDED").contains(shop.status(t.order()))));

            List<String> delivered = new ArrayList<>();
            int poolIssued = 0;
            for (Tracked t : tracked) {
                JsonNode order = shop.order(t.order());
                String status = order.get("status").asText();
                outcomes.record(status, placedToSettled(order));
                if (!t.paid().get()) {
                    assertThat(status).as("unpaid order %s", t.order().orderId()).isEqualTo("CANCELLED");
                    continue;
                }
                assertThat(status).as("paid order %s", t.order().orderId()).isIn("DELIVERED", "REFUNDED");
                JsonNode atPsp = shop.pspPayment(order.get("payment").get("paymentId").asText());
                if (status.equals("DELIVERED")) {
                    assertThat(order.get("cardKeys")).hasSize(1);
                    order.get("cardKeys").forEach(k -> delivered.add(k.asText()));
                    poolIssued += t.pool() ? 1 : 0;
                    assertThat(atPsp.get("status").asText()).isEqualTo("SUCCEEDED");
                    assertThat(atPsp.get("refunds")).isEmpty();
                    assertThat(Shop.entries(order, "delivered")).isEqualTo(1);
                } else {
                    assertThat(atPsp.get("status").asText()).isEqualTo("REFUNDED");
                    assertThat(atPsp.get("refunds")).hasSize(1);
                    assertThat(Shop.entries(order, "refunded")).isEqualTo(1);
                    assertThat(order.get("cardKeys").isNull()).isTrue();
                }
            }
            outcomes.duplicates(delivered.size() - new HashSet<>(delivered).size());
            System.out.println(outcomes.report());
            assertThat(delivered).doesNotHaveDuplicates();
            assertThat(delivered.stream().filter(k -> k.startsWith("KEY-")).toList()).isSubsetOf(poolKeys);
            JsonNode stock = poolStock(pool.productId());
            assertThat(stock.get("reserved").asInt()).isZero();
            assertThat(stock.get("issued").asInt()).isEqualTo(poolIssued);
            assertThat(stock.get("available").asInt()).isEqualTo(poolKeys.size() - poolIssued);
        }
    }

    /** Places {@code count} orders (retrying through a crash with the same Idempotency-Key) and pays those that pay. */
    private List<PlacedOrder> buy(Product product, int count, boolean pays, boolean pool) {
        List<PlacedOrder> placed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = UUID.randomUUID().toString();
            String email = Shop.email();
            PlacedOrder order = Shop.retrying(() -> shop.place(product.productId(), 1, email, key));
            placed.add(order);
            Tracked buyer = new Tracked(order, new java.util.concurrent.atomic.AtomicBoolean(), pool);
            synchronized (tracked) {
                tracked.add(buyer);
            }
            if (pays) {
                buyers.submit(() -> {
                    // on a slow restart the time to pay (40 s here) may run out before the payment exists:
                    // then the order is cancelled unpaid, and checked as such
                    String payment = Shop.retrying(() -> shop.awaitPayment(order));
                    Shop.retrying(() -> {
                        shop.pay(payment);
                        return null;
                    });
                    buyer.paid().set(true);
                });
            }
        }
        return placed;
    }

    /** From the order's first to its last timeline entry, as the platform recorded them. */
    private static Duration placedToSettled(JsonNode order) {
        JsonNode timeline = order.get("timeline");
        return Duration.between(java.time.Instant.parse(timeline.get(0).get("at").asText()),
                java.time.Instant.parse(timeline.get(timeline.size() - 1).get("at").asText()));
    }

    private JsonNode poolStock(String productId) {
        JsonNode products = shop.json(shop.asAdmin(shop.http().get().uri("/admin/api/products")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        for (JsonNode p : products) {
            if (p.get("productId").asText().equals(productId)) {
                return p;
            }
        }
        throw new AssertionError("no product " + productId);
    }
}
