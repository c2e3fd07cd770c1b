package dev.cardflow.platform.admin;

import dev.cardflow.platform.CardflowPlatform;
import dev.cardflow.platform.support.FreshDatabaseInitializer;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.Product;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The unpaid-order cap (here 5) holds under a burst of parallel placements from one client. */
@SpringBootTest(classes = CardflowPlatform.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cardflow.admin.password=" + Shop.ADMIN_PASSWORD, "cardflow.rate-limit-per-minute=1000",
                "cardflow.max-unpaid-orders=5"})
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
class UnpaidOrderCapIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
    }

    @Test
    void twentyParallelPlacementsOfOneClientWithACapOfFiveAcceptExactlyFive() throws Exception {
        Product product = shop.pooledProduct("1.00", Shop.keys(20));
        List<Integer> statuses = burst(product, "198.51.100.20", 20);

        assertThat(statuses).filteredOn(s -> s == 202).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(15);
        Integer placed = jdbc.queryForObject("select count(*) from domain_event_entry "
                + "where payload_type like '%OrderPlaced' and position(convert_to(?, 'UTF8') in payload) > 0",
                Integer.class, product.productId());
        assertThat(placed).isEqualTo(5);
        // another client is not affected
        assertThat(burst(product, "198.51.100.21", 1)).containsExactly(202);
    }

    @Test
    void aRetriedPlacementAtTheCapIsAnsweredWithItsOrderNotA429() {
        Product product = shop.pooledProduct("1.00", Shop.keys(6));
        String client = "198.51.100.22";
        String firstKey = Shop.shortId();
        var first = place(product, client, firstKey);
        assertThat(first.getStatus().value()).isEqualTo(202);
        for (int i = 1; i < 5; i++) {
            assertThat(place(product, client, Shop.shortId()).getStatus().value()).isEqualTo(202);
        }

        var retry = place(product, client, firstKey);
        assertThat(retry.getStatus().value()).isEqualTo(202);
        assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(place(product, client, Shop.shortId()).getStatus().value()).isEqualTo(429);
    }

    private EntityExchangeResult<String> place(
            Product product, String client, String idempotencyKey) {
        return shop.http().post().uri("/api/orders").header("Idempotency-Key", idempotencyKey)
                .header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", product.productId(), "quantity", 1, "email", "buyer@example.com"))
                .exchange().expectBody(String.class).returnResult();
    }

    private List<Integer> burst(Product product, String client, int placements) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(placements);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < placements; i++) {
                Callable<Integer> placement = () -> {
                    start.await();
                    return shop.http().post().uri("/api/orders").header("Idempotency-Key", Shop.shortId())
                            .header("X-Forwarded-For", client)
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("productId", product.productId(), "quantity", 1, "email", Shop.email()))
                            .exchange().returnResult(String.class).getStatus().value();
                };
                answers.add(threads.submit(placement));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }
}
