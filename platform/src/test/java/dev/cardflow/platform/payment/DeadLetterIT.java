package dev.cardflow.platform.payment;

import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.infrastructure.axon.SavepointPerEvent;
import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A handler that keeps failing parks its events as dead letters, its processor goes on, operators retry them. */
@PlatformTest
@Import(DeadLetterIT.ProbeConfiguration.class)
@TestPropertySource(properties = {
        "axon.eventhandling.processors." + DeadLetterIT.PROBE + ".mode=tracking",
        "axon.eventhandling.processors." + DeadLetterIT.PROBE + ".dlq.enabled=true"})
class DeadLetterIT {

    static final String PROBE = "dlq-probe";
    static final String MISSING_TABLE = "dlq_probe_missing_table";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
        // Before any order exists, so the probe never races this statement.
        jdbc.execute("create table if not exists dlq_probe_seen (order_id varchar(64) primary key)");
    }

    @AfterEach
    void healProbe() {
        OrderPlacedProbe.BROKEN.set(false);
    }

    @Test
    void poisonEventIsParkedWhileLaterEventsFlowAndARetryAfterTheFixDeliversIt() {
        Product product = shop.pooledProduct("2.00", Shop.keys(2));
        OrderPlacedProbe.BROKEN.set(true);

        PlacedOrder poison = shop.place(product.productId(), 1, "poison-" + Shop.shortId() + "@example.com");
        PlacedOrder healthy = shop.place(product.productId(), 1, Shop.email());

        await().atMost(Shop.PATIENCE).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(seen()).contains(healthy.orderId()));
        assertThat(seen()).doesNotContain(poison.orderId());
        JsonNode letters = deadLetters();
        assertThat(letters).hasSize(1);
        JsonNode letter = letters.get(0);
        assertThat(letter.get("processingGroup").asText()).isEqualTo(PROBE);
        assertThat(letter.get("payloadType").asText()).endsWith("OrderPlaced");
        assertThat(letter.get("aggregateId").asText()).isEqualTo(poison.orderId());
        assertThat(letter.get("causeMessage").asText()).contains(MISSING_TABLE);

        shop.http().get().uri("/admin/api/dead-letters?processingGroup={g}", PROBE).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        shop.http().post().uri("/admin/api/dead-letters/{g}/retry", PROBE).exchange()
                .expectStatus().isUnauthorized();
        assertThat(deadLetters()).hasSize(1);

        shop.asAdmin(shop.http().post().uri("/admin/api/dead-letters/{g}/retry", PROBE)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sequencesRecovered").isEqualTo(0).jsonPath("$.lettersLeft").isEqualTo(1);
        assertThat(deadLetters()).extracting(l -> l.get("eventId").asText())
                .containsExactly(letter.get("eventId").asText());
        assertThat(seen()).doesNotContain(poison.orderId());

        OrderPlacedProbe.BROKEN.set(false);
        shop.asAdmin(shop.http().post().uri("/admin/api/dead-letters/{g}/retry", PROBE)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sequencesRecovered").isEqualTo(1).jsonPath("$.lettersLeft").isEqualTo(0);

        assertThat(deadLetters()).isEmpty();
        assertThat(seen()).contains(poison.orderId(), healthy.orderId());
        for (PlacedOrder order : List.of(poison, healthy)) {
            JsonNode projected = shop.awaitStatus(order, "PENDING_PAYMENT");
            assertThat(projected.get("timeline").get(0).get("code").asText()).isEqualTo("placed");
        }
    }

    private List<String> seen() {
        return jdbc.queryForList("select order_id from dlq_probe_seen", String.class);
    }

    private JsonNode deadLetters() {
        return shop.json(shop.asAdmin(shop.http().get().uri("/admin/api/dead-letters?processingGroup={g}", PROBE))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    /** Adds the probe; only where its processor is configured, so no other context picks it up by scanning. */
    @TestConfiguration(proxyBeanMethods = false)
    @ConditionalOnProperty("axon.eventhandling.processors." + PROBE + ".dlq.enabled")
    static class ProbeConfiguration {

        @Bean
        OrderPlacedProbe orderPlacedProbe(JdbcTemplate jdbc) {
            return new OrderPlacedProbe(jdbc);
        }
    }

    /** Notes every placed order; while broken, fails on a poison order with a real PostgreSQL error. */
    @ProcessingGroup(PROBE)
    @SavepointPerEvent
    static class OrderPlacedProbe {

        static final AtomicBoolean BROKEN = new AtomicBoolean();

        private final JdbcTemplate jdbc;

        OrderPlacedProbe(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(OrderPlaced event) {
            if (BROKEN.get() && event.email().startsWith("poison")) {
                jdbc.update("insert into " + MISSING_TABLE + " (order_id) values (?)", event.orderId());
            }
            jdbc.update("insert into dlq_probe_seen (order_id) values (?) on conflict do nothing", event.orderId());
        }
    }
}
