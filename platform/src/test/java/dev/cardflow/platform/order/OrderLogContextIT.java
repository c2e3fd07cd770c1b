package dev.cardflow.platform.order;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An operator following one order through the logs: its id on every line about it, the buyer's trace id on its way. */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class OrderLogContextIT {

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
    void linesLoggedWhileHandlingAnOrderCarryItsOrderIdAndTheBuyersTraceIdTravelsWithItsEvents(CapturedOutput log) {
        Product product = shop.pooledProduct("3.00", Shop.keys(1));
        String traceId = UUID.randomUUID().toString().replace("-", "");

        JsonNode accepted = shop.json(shop.http().post().uri("/api/orders")
                .header("Idempotency-Key", Shop.shortId())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", product.productId(), "quantity", 1, "email", Shop.email()))
                .exchange().expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody());
        PlacedOrder order = new PlacedOrder(accepted.get("orderId").asText(), accepted.get("accessToken").asText());
        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");
        String orderField = "order=" + order.orderId();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lines(log, "delivery notification"))
                .as("the mail handler's line (an event handler)").anyMatch(line -> line.contains(orderField)));
        assertThat(lines(log, "Order " + order.orderId() + " accepted"))
                .as("the placement's line").singleElement().asString()
                .contains(orderField).contains("trace=" + traceId);
        assertThat(jdbc.queryForList("select convert_from(meta_data, 'UTF8') from domain_event_entry "
                        + "where aggregate_identifier = ? and payload_type like '%OrderPlaced'", String.class,
                order.orderId()))
                .as("the OrderPlaced event's metadata").singleElement().asString().contains(traceId);
    }

    private static List<String> lines(CapturedOutput log, String containing) {
        return log.getAll().lines().filter(line -> line.contains(containing)).toList();
    }
}
