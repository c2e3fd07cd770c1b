package dev.cardflow.platform.admin;

import dev.cardflow.api.order.RefundRequested;
import dev.cardflow.infrastructure.security.AccessTokens;
import dev.cardflow.infrastructure.testing.TestDatabase;
import dev.cardflow.platform.CardflowPlatform;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written by the cardflow of before issue 11, whose FulfilmentRetryRequested,
 * PaymentReceivedAfterCancellation and RefundRequested carried a snapshot of the order (revision 1,
 * stored without a revision): after the upgrade its orders show, audit and take operator commands.
 */
class OldEventsReplayIT {

    private static final String PRODUCT_NAME = "Old Pool";

    @Test
    void ordersStoredByTheOldCardflowShowAuditAndTakeOperatorCommandsAfterTheUpgrade() {
        String database = TestDatabase.create();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, TestDatabase.user(),
                TestDatabase.password()));
        String productId;

        // the old installation: its schema, a product with a key for the late payment to buy
        try (ConfigurableApplicationContext old = start(database)) {
            productId = new Shop(port(old)).pooledProduct("5.00", Shop.keys(1)).productId();
        }
        String refunded = UUID.randomUUID().toString();
        String latePaid = UUID.randomUUID().toString();
        storeAsTheOldCardflowDid(jdbc, productId, refunded, latePaid);

        try (ConfigurableApplicationContext upgraded = start(database)) {
            Shop shop = new Shop(port(upgraded));
            AccessTokens tokens = upgraded.getBean(AccessTokens.class);
            PlacedOrder refundedOrder = new PlacedOrder(refunded, tokens.issue(refunded));
            PlacedOrder latePaidOrder = new PlacedOrder(latePaid, tokens.issue(latePaid));

            // the processors had seen these events before the upgrade: only a rebuild puts them in the view
            shop.asAdmin(shop.http().post().uri("/admin/api/projections/order-status/rebuild")).exchange()
                    .expectStatus().isAccepted();

            JsonNode refunding = shop.awaitStatus(refundedOrder, "REFUNDING");
            assertThat(codes(refunding)).containsExactly("placed", "awaiting-payment", "payment-confirmed",
                    "delivered", "refunding", "refund-failed");
            assertThat(timeline(refunding, "refunding").get("detail").asText())
                    .isEqualTo("Refund of 5.00 EUR sent: refunded by an operator: chargeback threatened");
            JsonNode cancelled = shop.awaitStatus(latePaidOrder, "CANCELLED");
            assertThat(codes(cancelled)).containsExactly("placed", "awaiting-payment", "cancelled", "late-payment",
                    "retry-requested");

            JsonNode refundAudit = shop.audit(refunded);
            JsonNode refundRequested = OperatorActionsIT.event(refundAudit, "RefundRequested").get("payload");
            assertThat(fields(refundRequested))
                    .containsExactlyInAnyOrder("orderId", "paymentId", "refundId", "amount", "reason", "delivered");
            assertThat(refundRequested.get("refundId").asText()).isEqualTo("rf-" + refunded);
            assertThat(refundRequested.get("delivered").asBoolean()).isTrue();
            JsonNode lateAudit = shop.audit(latePaid);
            assertThat(fields(OperatorActionsIT.event(lateAudit, "PaymentReceivedAfterCancellation").get("payload")))
                    .containsExactlyInAnyOrder("orderId", "paymentId", "pspEventId", "amount");
            assertThat(fields(OperatorActionsIT.event(lateAudit, "FulfilmentRetryRequested").get("payload")))
                    .containsExactlyInAnyOrder("orderId", "status");

            // the aggregate loads from the old events: the refund id of the old RefundRequested is the one confirmed,
            // and the old late payment counts as paid, so the order is not settled and a retry is allowed
            assertThat(shop.operator(refunded, "confirm-refund", Map.of("note", "refunded at the provider's desk")))
                    .isEqualTo(202);
            assertThat(shop.awaitStatus(refundedOrder, "REFUNDED").get("status").asText()).isEqualTo("REFUNDED");
            assertThat(shop.operator(latePaid, "retry-fulfilment", Map.of("reason", "stock is back"))).isEqualTo(202);
            JsonNode delivered = shop.awaitStatus(latePaidOrder, "DELIVERED");
            assertThat(delivered.get("cardKeys")).hasSize(1);

            // The storage mapper ignores unknown fields, so revision 1 would deserialize into the thin records even
            // without the upcaster; only the serialized form the platform holds of an old event (what it passes on)
            // shows that the upcaster made it revision 2, without the snapshot.
            Serializer serializer = upgraded.getBean("eventSerializer", Serializer.class);
            List<SerializedObject<String>> stored = new ArrayList<>();
            upgraded.getBean(EventStore.class).readEvents(refunded).asStream()
                    .filter(e -> e.getPayloadType() == RefundRequested.class)
                    .forEach(e -> stored.add(e.serializePayload(serializer, String.class)));
            assertThat(stored).hasSize(1);
            assertThat(stored.get(0).getType().getRevision()).isEqualTo("2");
            assertThat(stored.get(0).getData()).doesNotContain("productId", "paymentMethod");
        }
    }

    /**
     * Two orders as the old cardflow stored them, with processors that had already handled them (their
     * tokens at the head). One was delivered and then refunded by an operator; the provider has not
     * confirmed the refund yet. The other was cancelled, paid late, and retried by an operator.
     */
    private static void storeAsTheOldCardflowDid(JdbcTemplate jdbc, String productId, String refunded,
                                                 String latePaid) {
        Instant t = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String money = "{\"amount\":\"5.00\",\"currency\":\"EUR\"}";
        List<Object[]> rows = new ArrayList<>();

        String pay1 = "pay-" + refunded;
        rows.add(row(refunded, 0, "OrderPlaced", placed(refunded, productId, money), "buyer", t));
        rows.add(row(refunded, 1, "PaymentRequested", "{\"orderId\":\"" + refunded + "\",\"paymentId\":\"" + pay1
                + "\",\"payUrl\":\"http://localhost/pay/" + pay1 + "\",\"expiresAt\":\"" + t.plusSeconds(900)
                + "\"}", "fulfilment", t.plusSeconds(1)));
        rows.add(row(refunded, 2, "PaymentConfirmed", "{\"orderId\":\"" + refunded + "\",\"paymentId\":\"" + pay1
                + "\",\"pspEventId\":\"evt-" + pay1 + "\",\"amount\":" + money + "}", "psp-notification",
                t.plusSeconds(60)));
        rows.add(row(refunded, 3, "OrderDelivered", "{\"orderId\":\"" + refunded
                + "\",\"cardKeys\":[],\"email\":\"old@example.com\"}", "fulfilment", t.plusSeconds(61)));
        // revision 1: with the product, its source and the provider
        rows.add(row(refunded, 4, "RefundRequested", "{\"orderId\":\"" + refunded + "\",\"paymentId\":\"" + pay1
                + "\",\"refundId\":\"rf-" + refunded + "\",\"amount\":" + money
                + ",\"reason\":\"refunded by an operator: chargeback threatened\",\"productId\":\"" + productId
                + "\",\"source\":\"POOL\",\"delivered\":true,\"paymentMethod\":\"simulator\"}", "operator",
                t.plusSeconds(3600)));
        rows.add(row(refunded, 5, "RefundFailed", "{\"orderId\":\"" + refunded
                + "\",\"attempts\":5,\"reason\":\"provider unavailable\"}", "fulfilment", t.plusSeconds(3700)));

        String pay2 = "pay-" + latePaid;
        rows.add(row(latePaid, 0, "OrderPlaced", placed(latePaid, productId, money), "buyer", t));
        rows.add(row(latePaid, 1, "PaymentRequested", "{\"orderId\":\"" + latePaid + "\",\"paymentId\":\"" + pay2
                + "\",\"payUrl\":\"http://localhost/pay/" + pay2 + "\",\"expiresAt\":\"" + t.plusSeconds(900)
                + "\"}", "fulfilment", t.plusSeconds(1)));
        rows.add(row(latePaid, 2, "OrderCancelled", "{\"orderId\":\"" + latePaid
                + "\",\"reason\":\"payment overdue\"}", "fulfilment", t.plusSeconds(901)));
        // revision 1: with what the order asked for, to start a fulfilment from
        rows.add(row(latePaid, 3, "PaymentReceivedAfterCancellation", "{\"orderId\":\"" + latePaid
                + "\",\"paymentId\":\"" + pay2 + "\",\"pspEventId\":\"evt-" + pay2 + "\",\"amount\":" + money
                + ",\"productId\":\"" + productId + "\",\"quantity\":1,\"source\":\"POOL\",\"sku\":null,"
                + "\"orderAmount\":" + money + ",\"paymentMethod\":\"simulator\"}", "psp-notification",
                t.plusSeconds(1000)));
        // revision 1: with a snapshot of the order
        rows.add(row(latePaid, 4, "FulfilmentRetryRequested", "{\"orderId\":\"" + latePaid
                + "\",\"status\":\"CANCELLED\",\"productId\":\"" + productId + "\",\"quantity\":1,\"amount\":" + money
                + ",\"source\":\"POOL\",\"sku\":null,\"paymentId\":\"" + pay2 + "\",\"payBy\":\""
                + t.plusSeconds(900) + "\",\"paymentMethod\":\"simulator\",\"productName\":\"" + PRODUCT_NAME
                + "\"}", "operator", t.plusSeconds(7200)));

        jdbc.batchUpdate("insert into domain_event_entry (aggregate_identifier, sequence_number, type, "
                + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                + "values (?, ?, 'Order', ?, ?, ?, null, ?, ?)", rows);
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        jdbc.update("update token_entry set token = ?, token_type = ?",
                ("{\"index\":" + head + ",\"gaps\":[]}").getBytes(StandardCharsets.UTF_8),
                "org.axonframework.eventhandling.GapAwareTrackingToken");
    }

    private static String placed(String orderId, String productId, String money) {
        return "{\"orderId\":\"" + orderId + "\",\"productId\":\"" + productId + "\",\"productName\":\""
                + PRODUCT_NAME + "\",\"quantity\":1,\"unitPrice\":" + money + ",\"amount\":" + money
                + ",\"source\":\"POOL\",\"sku\":null,\"email\":\"old@example.com\",\"requestFingerprint\":\"fp-"
                + orderId + "\",\"paymentMethod\":\"simulator\"}";
    }

    private static Object[] row(String orderId, long sequence, String type, String payload, String origin,
                                Instant at) {
        String trace = UUID.randomUUID().toString().replace("-", "");
        String metadata = "{\"origin\":\"" + origin + "\",\"traceId\":\"" + trace + "\",\"correlationId\":\""
                + UUID.randomUUID() + "\"}";
        return new Object[]{orderId, sequence, UUID.randomUUID().toString(),
                metadata.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8),
                "dev.cardflow.api.order." + type, at.toString()};
    }

    private static List<String> codes(JsonNode order) {
        List<String> codes = new ArrayList<>();
        order.get("timeline").forEach(e -> codes.add(e.get("code").asText()));
        return codes;
    }

    private static JsonNode timeline(JsonNode order, String code) {
        for (JsonNode entry : order.get("timeline")) {
            if (entry.get("code").asText().equals(code)) {
                return entry;
            }
        }
        throw new AssertionError("no " + code + " in " + order.get("timeline"));
    }

    private static List<String> fields(JsonNode payload) {
        List<String> names = new ArrayList<>();
        payload.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(CardflowPlatform.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--spring.datasource.hikari.maximum-pool-size=12",
                "--cardflow.admin.password=" + Shop.ADMIN_PASSWORD,
                "--cardflow.rate-limit-per-minute=1000000",
                "--cardflow.max-unpaid-orders=1000000");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
