package dev.cardflow.platform.crash;

import dev.cardflow.infrastructure.testing.TestDatabase;
import dev.cardflow.platform.support.Outcomes;
import dev.cardflow.platform.support.PlatformProcess;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Buyers pay through Stripe Checkout while half the webhooks are lost and some repeated, and the
 * platform is killed with SIGKILL mid-flight and started again: every paid order is delivered once,
 * every session paid once, nothing refunded.
 */
class StripeCrashRecoveryIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String SECRET_KEY = "sk_test_crash_it";

    @Test
    void killedPlatformDeliversEveryStripeOrderOnceAfterARestart() throws Exception {
        int port = PlatformProcess.freePort();
        String database = TestDatabase.create();
        List<String> keys = Shop.keys(16);
        ExecutorService buyers = Executors.newFixedThreadPool(6);
        try (PlatformProcess platform = new PlatformProcess(port, database,
                "--cardflow.payment.providers=stripe",
                "--cardflow.payment.stripe.secret-key=" + SECRET_KEY,
                "--cardflow.payment.stripe.webhook-secret=whsec_crash_it",
                "--cardflow.fulfilment.payment-check=PT2S",
                "--cardflow.fulfilment.payment-check-max=PT4S",
                "--cardflow.fulfilment.step-retry=PT1S",
                "--cardflow.fulfilment.step-retry-max=PT4S",
                "--cardflow.fulfilment.step-timeout=PT15S").start()) {
            Shop shop = new Shop(port);
            Product product = shop.pooledProduct("6.00", keys);
            shop.http().put().uri("/simulator/stripe/simulation").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("latencyMs", 100, "jitterMs", 150, "callbackDropRate", 0.5,
                            "callbackDuplicateRate", 0.3, "callbackDelayMs", 300))
                    .exchange().expectStatus().isOk();

            List<PlacedOrder> orders = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                String key = java.util.UUID.randomUUID().toString();
                String email = Shop.email();
                PlacedOrder order = Shop.retrying(() -> shop.placePaidBy("stripe", product.productId(), email, key));
                orders.add(order);
                buyers.submit(() -> {
                    String session = Shop.retrying(() -> shop.awaitPayment(order));
                    Shop.retrying(() -> shop.http().post().uri("/simulator/stripe/pay/{id}/complete", session)
                            .exchange().expectStatus().isOk());
                });
                if (i == keys.size() / 2) {
                    Thread.sleep(1500);
                    platform.kill();
                    platform.start();
                }
            }
            buyers.shutdown();
            assertThat(buyers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

            Outcomes outcomes = new Outcomes("Stripe, killed mid-flight, 50 % of webhooks lost");
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> orders.stream()
                    .allMatch(o -> Shop.retrying(() -> shop.status(o)).equals("DELIVERED")));
            List<String> delivered = new ArrayList<>();
            for (PlacedOrder order : orders) {
                JsonNode view = shop.order(order);
                JsonNode timeline = view.get("timeline");
                outcomes.record(view.get("status").asText(), Duration.between(
                        java.time.Instant.parse(timeline.get(0).get("at").asText()),
                        java.time.Instant.parse(timeline.get(timeline.size() - 1).get("at").asText())));
                view.get("cardKeys").forEach(k -> delivered.add(k.asText()));
                assertThat(Shop.entries(view, "delivered")).isEqualTo(1);
                assertThat(Shop.entries(view, "payment-confirmed")).isEqualTo(1);
            }
            outcomes.duplicates(delivered.size() - new HashSet<>(delivered).size());
            System.out.println(outcomes.report());
            assertThat(delivered).hasSize(keys.size()).containsExactlyInAnyOrderElementsOf(keys);

            JdbcTemplate simulator = new JdbcTemplate(new DriverManagerDataSource(database, TestDatabase.user(),
                    TestDatabase.password()));
            assertThat(simulator.queryForObject("select count(*) from simulator.stripe_checkout_session",
                    Integer.class)).isEqualTo(keys.size());
            assertThat(simulator.queryForObject("select count(*) from simulator.stripe_checkout_session "
                    + "where payment_status = 'paid'", Integer.class)).isEqualTo(keys.size());
            assertThat(simulator.queryForObject("select count(*) from simulator.stripe_refund", Integer.class))
                    .isZero();
        } finally {
            buyers.shutdownNow();
        }
    }
}
