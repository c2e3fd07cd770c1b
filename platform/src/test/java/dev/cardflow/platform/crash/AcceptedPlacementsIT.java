package dev.cardflow.platform.crash;

import dev.cardflow.infrastructure.testing.TestDatabase;
import dev.cardflow.platform.support.PlatformProcess;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A placement is answered {@code 202} once its command is kept with its reservation, before the order is placed.
 * Here the orders cannot be placed — the test holds a lock on the event store that every append waits for — while
 * buyers place them; then the platform is killed with SIGKILL, the lock let go and the platform started again.
 * Every accepted order is placed once, with the body that was accepted, and goes on to be payable; meanwhile
 * the buyer's page shows it as placed, a retry of the same request gets the same answer and one with another body
 * is refused.
 */
class AcceptedPlacementsIT {

    private static final int ORDERS = 6;

    @Test
    void everyAcceptedPlacementIsPlacedOnceAfterACrashThatCameBeforeItsCommand() throws Exception {
        int port = PlatformProcess.freePort();
        String database = TestDatabase.create();
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(database, TestDatabase.user(),
                TestDatabase.password(), true));
        try (PlatformProcess platform = new PlatformProcess(port, database).start()) {
            Shop shop = new Shop(port);
            Product product = shop.pooledProduct("3.00", Shop.keys(ORDERS + 2));

            List<PlacedOrder> accepted = new ArrayList<>();
            Map<String, String> keys = new java.util.HashMap<>();
            ExecutorService holder = Executors.newSingleThreadExecutor();
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            var lock = holder.submit(() -> new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()))
                    .execute(status -> {
                        jdbc.execute("lock table domain_event_entry in exclusive mode"); // reads go on, appends wait
                        locked.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return null;
                    }));
            try {
                locked.await();
                for (int i = 0; i < ORDERS; i++) {
                    String key = UUID.randomUUID().toString();
                    PlacedOrder order = shop.place(product.productId(), 1, "buyer-" + key + "@example.com", key);
                    accepted.add(order);
                    keys.put(order.orderId(), key);
                }
                PlacedOrder first = accepted.get(0);
                String firstKey = keys.get(first.orderId());
                assertThat(waiting(jdbc)).as("accepted, none placed yet").isEqualTo(ORDERS);
                assertThat(shop.status(first)).as("the buyer's page before the order is placed").isEqualTo("PLACED");
                PlacedOrder retried = shop.place(product.productId(), 1, "buyer-" + firstKey + "@example.com", firstKey);
                assertThat(retried).as("a retry of the same request, not placed yet").isEqualTo(first);
                shop.http().post().uri("/api/orders").header("Idempotency-Key", firstKey)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("productId", product.productId(), "quantity", 2, "email", Shop.email()))
                        .exchange().expectStatus().isEqualTo(409)
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

                platform.kill();
            } finally {
                release.countDown();
                lock.get();
                holder.shutdown();
            }
            assertThat(waiting(jdbc)).as("the crash came before any command").isEqualTo(ORDERS);

            platform.start();
            for (PlacedOrder order : accepted) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> Shop.retrying(() -> shop.status(order)).equals("PENDING_PAYMENT"));
                JsonNode page = shop.order(order);
                assertThat(page.get("quantity").asInt()).as("the body that was accepted").isEqualTo(1);
                long placed = 0;
                for (JsonNode event : shop.audit(order.orderId()).get("events")) {
                    placed += event.get("type").asText().equals("OrderPlaced") ? 1 : 0;
                }
                assertThat(placed).as("order %s placed once", order.orderId()).isEqualTo(1);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> waiting(jdbc) == 0);
            // a retry after the order was placed answers as before: the same order
            String key = keys.get(accepted.get(1).orderId());
            PlacedOrder again = shop.place(product.productId(), 1, "buyer-" + key + "@example.com", key);
            assertThat(again.orderId()).isEqualTo(accepted.get(1).orderId());
        } finally {
            ((SingleConnectionDataSource) jdbc.getDataSource()).destroy();
        }
    }

    private static int waiting(JdbcTemplate jdbc) {
        Integer count = jdbc.queryForObject(
                "select count(*) from command_order_reservation where pending_command is not null", Integer.class);
        return count == null ? 0 : count;
    }
}
