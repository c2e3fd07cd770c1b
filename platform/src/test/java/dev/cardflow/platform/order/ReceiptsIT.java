package dev.cardflow.platform.order;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A buyer's receipt proves the order's history: it verifies online and offline, a rewritten stored
 * event is found by the audit and by the receipt saved before, and a changed receipt fails.
 */
@PlatformTest
class ReceiptsIT {

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
    void aDeliveredOrdersReceiptVerifiesOnlineAndOffline() throws Exception {
        PlacedOrder order = deliveredOrder();

        JsonNode receipt = receipt(order);

        assertThat(receipt.get("orderId").asText()).isEqualTo(order.orderId());
        assertThat(receipt.get("entries")).hasSize(5);
        assertThat(receipt.get("entries").get(0).get("type").asText()).isEqualTo("OrderPlaced");
        assertThat(receipt.get("head").asText())
                .isEqualTo(receipt.get("entries").get(4).get("digest").asText()).matches("[0-9a-f]{64}");
        JsonNode verdict = verify(receipt);
        assertThat(verdict.get("signatureValid").asBoolean()).isTrue();
        assertThat(verdict.get("matchesHistory").asBoolean()).isTrue();
        assertThat(verdict.get("firstDifference").isNull()).isTrue();

        Offline offline = checkOffline(receipt);
        assertThat(offline.exitCode()).as(offline.output()).isZero();
        assertThat(offline.output()).startsWith("VALID: order " + order.orderId());
    }

    @Test
    void aReceiptWithOneChangedByteFailsItsSignature() throws Exception {
        JsonNode receipt = receipt(deliveredOrder());
        String signedAt = receipt.get("signedAt").asText();
        ObjectNode changed = receipt.deepCopy();
        changed.put("signedAt", signedAt.substring(0, signedAt.length() - 2) + (signedAt.endsWith("1Z") ? "2Z" : "1Z"));

        JsonNode verdict = verify(changed);

        assertThat(verdict.get("signatureValid").asBoolean()).isFalse();
        assertThat(verdict.get("matchesHistory").asBoolean()).as("the history itself is untouched").isTrue();
        assertThat(checkOffline(changed).exitCode()).isEqualTo(1);
    }

    @Test
    void anIntrudersRewriteOfAStoredEventIsFoundByTheAuditAndByAReceiptSavedBefore() {
        PlacedOrder order = deliveredOrder();
        JsonNode saved = receipt(order);
        assertThat(shop.audit(order.orderId()).get("integrity").get("verified").asBoolean()).isTrue();

        // as an intruder with write access to the database would: change who the order was placed for
        int rewritten = jdbc.update("""
                update domain_event_entry
                   set payload = convert_to(replace(convert_from(payload, 'UTF8'), '@', '+intruder@'), 'UTF8')
                 where aggregate_identifier = ? and sequence_number = 0""", order.orderId());
        assertThat(rewritten).isOne();

        JsonNode integrity = shop.audit(order.orderId()).get("integrity");
        assertThat(integrity.get("verified").asBoolean()).isFalse();
        assertThat(integrity.get("brokenAt").asLong()).isZero();
        JsonNode bulk = shop.json(shop.asAdmin(shop.http().get().uri(u -> u.path("/admin/api/audit")
                        .queryParam("from", Instant.now().minus(Duration.ofHours(1)).toString())
                        .queryParam("to", Instant.now().plusSeconds(60).toString()).build()))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(bulk.get("integrityBroken").asInt()).isGreaterThanOrEqualTo(1);

        JsonNode verdict = verify(saved);
        assertThat(verdict.get("signatureValid").asBoolean()).as("what the shop signed is still what it signed").isTrue();
        assertThat(verdict.get("matchesHistory").asBoolean()).isFalse();
        assertThat(verdict.get("firstDifference").asLong()).isZero();

        shop.http().get().uri("/api/orders/{id}/receipt", order.orderId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + order.accessToken())
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").value(type -> assertThat(type.toString()).endsWith("history-not-verified"));
    }

    @Test
    void aReceiptNeedsTheOrdersTokenAndAWellFormedReceiptToCheck() {
        PlacedOrder order = deliveredOrder();

        shop.http().get().uri("/api/orders/{id}/receipt", order.orderId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-the-token")
                .exchange().expectStatus().isNotFound();
        shop.http().post().uri("/api/receipts/verify").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"orderId\":\"" + order.orderId() + "\",\"entries\":[],\"head\":\"x\"}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private PlacedOrder deliveredOrder() {
        Product product = shop.pooledProduct("9.90", Shop.keys(1));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");
        // the chain recorder follows the event stream a moment behind; the record of the delivery mail is last
        await().atMost(Shop.PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from order_chain_digest where order_id = ?", Integer.class, order.orderId()) == 5);
        return order;
    }

    private JsonNode receipt(PlacedOrder order) {
        return shop.json(shop.http().get().uri("/api/orders/{id}/receipt", order.orderId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + order.accessToken())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private JsonNode verify(JsonNode receipt) {
        return shop.json(shop.http().post().uri("/api/receipts/verify").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(receipt.toString())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private record Offline(int exitCode, String output) {
    }

    /** docs/verify_receipt.py, as a buyer's developer runs it with the keys the shop publishes. */
    private Offline checkOffline(JsonNode receipt) throws Exception {
        String keys = shop.http().get().uri("/api/receipt-keys").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Path dir = Files.createTempDirectory("receipt");
        Path receiptFile = Files.writeString(dir.resolve("receipt.json"), receipt.toString());
        Path keysFile = Files.writeString(dir.resolve("receipt-keys.json"), keys);
        Path script = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/verify_receipt.py");
        Process python = new ProcessBuilder("python3", script.toString(), receiptFile.toString(), keysFile.toString())
                .redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Offline(python.exitValue(), output);
    }
}
