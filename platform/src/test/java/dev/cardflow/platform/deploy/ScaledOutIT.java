package dev.cardflow.platform.deploy;

import dev.cardflow.infrastructure.testing.TestDatabase;
import dev.cardflow.platform.support.PlatformProcess;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scaled-out mode end to end: order-command, order-query, saga-fulfilment and the simulators
 * as separate JVMs (each on its own database), talking through a real Axon Server named by
 * {@code CARDFLOW_AXONSERVER} (host:port). A purchase, a refund, and the order's status seen
 * through a subscription query (the live stream). Skipped when no Axon Server is named.
 */
class ScaledOutIT {

    @Test
    void purchaseRefundAndLiveStatusAcrossServicesThroughAxonServer() throws Exception {
        String axonServer = System.getenv("CARDFLOW_AXONSERVER");
        assumeTrue(axonServer != null && !axonServer.isBlank(),
                "CARDFLOW_AXONSERVER (host:port of a running Axon Server) is not set: the scaled-out test is skipped");
        String secret = Base64.getEncoder().encodeToString(("scaled-out-test-secret-at-least-32-bytes-" + Shop.shortId()).getBytes());
        int simulatorsPort = PlatformProcess.freePort();
        int commandPort = PlatformProcess.freePort();
        int queryPort = PlatformProcess.freePort();
        int fulfilmentPort = PlatformProcess.freePort();
        String[] common = {"--spring.profiles.active=axonserver", "--axon.axonserver.servers=" + axonServer,
                "--cardflow.psp.webhook-secret=" + secret, "--cardflow.security.card-key-secret=" + secret,
                "--cardflow.security.token-secret=" + secret};
        String simulators = "http://localhost:" + simulatorsPort;
        try (PlatformProcess sim = PlatformProcess.service("simulators", simulatorsPort, TestDatabase.create(),
                "--cardflow.psp.webhook-secret=" + secret).start();
             PlatformProcess command = PlatformProcess.service("order-command", commandPort, TestDatabase.create(),
                     concat(common, "--cardflow.max-unpaid-orders=2")).start();
             PlatformProcess query = PlatformProcess.service("order-query", queryPort, TestDatabase.create(),
                     common).start();
             PlatformProcess fulfilment = PlatformProcess.service("saga-fulfilment", fulfilmentPort,
                     TestDatabase.create(), concat(common,
                             "--cardflow.fulfilment.psp.base-url=" + simulators + "/simulator/psp",
                             "--cardflow.fulfilment.psp.notify-url=http://localhost:" + commandPort + "/api/payments/notify",
                             "--cardflow.suppliers.primary-url=" + simulators + "/simulator/suppliers/primary",
                             "--cardflow.suppliers.backup-url=" + simulators + "/simulator/suppliers/backup",
                             "--cardflow.fulfilment.mailer-url=" + simulators + "/simulator/mailbox/v1/messages",
                             "--cardflow.fulfilment.public-url=http://localhost:" + queryPort)).start()) {
            Shop commands = new Shop(commandPort);
            Shop reads = new Shop(queryPort);
            Shop world = new Shop(simulatorsPort);

            JsonNode created = commands.json(commands.asAdmin(commands.http().post().uri("/admin/api/products")
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("name", "Scaled", "price", "4.00", "currency", "EUR", "source", "POOL")))
                    .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
            String productId = created.get("productId").asText();
            List<String> keys = Shop.keys(2);
            commands.asAdmin(commands.http().post().uri("/admin/api/products/{id}/card-keys", productId)
                    .contentType(MediaType.TEXT_PLAIN).bodyValue(String.join("\n", keys))).exchange().expectStatus().isOk();
            await().atMost(Shop.PATIENCE).until(() -> reads.available(productId) == 2);

            PlacedOrder order = commands.place(productId, 1, Shop.email());
            String paymentId = reads.awaitPayment(order);
            List<String> statuses = new CopyOnWriteArrayList<>();
            var stream = WebClient.create("http://localhost:" + queryPort).get()
                    .uri("/api/orders/{id}/updates?token={t}", order.orderId(), order.accessToken())
                    .retrieve().bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                    })
                    .filter(e -> e.data() != null)
                    .doOnNext(e -> statuses.add(reads.json(e.data()).get("status").asText()))
                    .then().toFuture();
            await().atMost(Shop.PATIENCE).until(() -> statuses.contains("PENDING_PAYMENT"));

            world.pay(paymentId);
            JsonNode delivered = reads.awaitStatus(order, "DELIVERED");
            await().atMost(Shop.PATIENCE).until(stream::isDone);
            assertThat(statuses).containsExactly("PENDING_PAYMENT", "PAID", "DELIVERED");
            assertThat(delivered.get("cardKeys").get(0).asText()).isIn(keys);

            assertThat(commands.operator(order.orderId(), "refund", Map.of("reason", "scaled-out refund"))).isEqualTo(202);
            reads.awaitStatus(order, "REFUNDED");
            assertThat(world.pspPayment(paymentId).get("refunds")).hasSize(1);

            // A retried placement at the unpaid-order cap (2 here) gets its order back: "placed
            // already?" never reads Axon's tables, which stay empty behind Axon Server.
            commands.asAdmin(commands.http().post().uri("/admin/api/products/{id}/card-keys", productId)
                    .contentType(MediaType.TEXT_PLAIN).bodyValue(String.join("\n", Shop.keys(3)))).exchange()
                    .expectStatus().isOk();
            String client = "198.51.100.30";
            String firstKey = Shop.shortId();
            String first = placeAs(commands, productId, client, firstKey, 202);
            placeAs(commands, productId, client, Shop.shortId(), 202);
            assertThat(placeAs(commands, productId, client, firstKey, 202)).isEqualTo(first);
            placeAs(commands, productId, client, Shop.shortId(), 429);
        }
    }

    private static String placeAs(Shop shop, String productId, String client, String idempotencyKey, int status) {
        return shop.http().post().uri("/api/orders").header("Idempotency-Key", idempotencyKey)
                .header("X-Forwarded-For", client).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", productId, "quantity", 1, "email", "buyer@example.com"))
                .exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
