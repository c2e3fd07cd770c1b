package dev.cardflow.platform.order;

import dev.cardflow.platform.CardflowPlatform;
import dev.cardflow.platform.support.FreshDatabaseInitializer;
import dev.cardflow.platform.support.OtlpReceiver;
import dev.cardflow.platform.support.OtlpReceiver.ReceivedSpan;
import dev.cardflow.platform.support.RecordingProxy;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from a buyer's placement through the commands, the events, the saga and its call to the PSP,
 * exported over OTLP/HTTP to a collector (a fake one here) and named in the audit. Its own platform:
 * tracing on, the OTLP endpoint set, the PSP reached through a proxy that shows what it received.
 */
@SpringBootTest(classes = CardflowPlatform.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cardflow.admin.password=" + Shop.ADMIN_PASSWORD,
                "cardflow.rate-limit-per-minute=1000000", "cardflow.max-unpaid-orders=1000000",
                // spans leave every second rather than every five
                "otel.bsp.schedule.delay=1000"})
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
@AutoConfigureObservability
@ExtendWith(OutputCaptureExtension.class)
class TracingIT {

    static final OtlpReceiver collector = OtlpReceiver.start();
    static final RecordingProxy psp = RecordingProxy.start();

    @DynamicPropertySource
    static void outside(DynamicPropertyRegistry registry) {
        // the variable as an operator sets it; cardflow-defaults.yml maps it
        registry.add("OTEL_EXPORTER_OTLP_ENDPOINT", collector::endpoint);
        registry.add("cardflow.fulfilment.psp.base-url", () -> psp.url() + "/simulator/psp");
    }

    @AfterAll
    static void stop() {
        collector.close();
        psp.close();
    }

    @LocalServerPort
    int port;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
        psp.forwardTo("http://localhost:" + port);
    }

    @Test
    void theBuyersTraceRunsThroughCommandsEventsAndTheSagasCallToThePspAndTheAuditNamesIt(CapturedOutput log) {
        Product product = shop.pooledProduct("4.00", Shop.keys(1));
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = "00f067aa0ba902b7";

        PlacedOrder order = place(product, "00-" + traceId + "-" + callerSpan + "-01");
        shop.pay(shop.awaitPayment(order));
        shop.awaitStatus(order, "DELIVERED");

        await().atMost(Shop.PATIENCE).untilAsserted(() -> {
            List<ReceivedSpan> trace = collector.trace(traceId);
            assertThat(trace).as("the placement, continuing the caller's span")
                    .anyMatch(s -> s.kind().equals("SPAN_KIND_SERVER") && s.parentSpanId().equals(callerSpan)
                            && s.service().equals("cardflow-platform"));
            assertThat(trace).as("the PlaceOrder command handled").anyMatch(s -> s.name().equals("command PlaceOrder"));
            assertThat(trace).as("OrderPlaced handled by the fulfilment saga")
                    .anyMatch(s -> s.name().equals("fulfilment OrderPlaced"));
            assertThat(trace).as("OrderPlaced handled by the order-status projection")
                    .anyMatch(s -> s.name().equals("order-status OrderPlaced"));
            assertThat(trace).as("the saga's call to the PSP, among %s", trace)
                    .anyMatch(s -> s.kind().equals("SPAN_KIND_CLIENT")
                            && s.attributes().values().stream().anyMatch(v -> v.endsWith("/simulator/psp/v1/payments")));
        });

        assertThat(psp.seen()).as("what the PSP received")
                .anySatisfy(request -> {
                    assertThat(request.method()).isEqualTo("POST");
                    assertThat(request.path()).isEqualTo("/simulator/psp/v1/payments");
                    assertThat(request.traceparent()).startsWith("00-" + traceId + "-");
                });

        JsonNode events = shop.audit(order.orderId()).get("events");
        assertThat(traceIds(events, "OrderPlaced", "StockReserved", "PaymentRequested"))
                .as("the W3C trace id of the events the placement caused").containsOnly(traceId).hasSize(3);
        assertThat(StreamSupport.stream(events.spliterator(), false).map(e -> e.path("w3cTraceId").asText()))
                .as("every event, the payment's and delivery's too (the PSP's notification is a trace of its own)")
                .allMatch(id -> id.matches("[0-9a-f]{32}"));

        assertThat(log.getAll().lines().filter(line -> line.contains("Order " + order.orderId() + " accepted")))
                .as("the placement's log line").singleElement().asString().contains("trace=" + traceId);
    }

    @Test
    void aPlacementWithoutTraceparentStartsATraceWhoseIdTheLogsAndTheAuditShare(CapturedOutput log) {
        Product product = shop.pooledProduct("4.00", Shop.keys(1));

        PlacedOrder order = place(product, null);
        shop.awaitPayment(order);

        JsonNode events = shop.audit(order.orderId()).get("events");
        String traceId = events.get(0).path("w3cTraceId").asText();
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(log.getAll().lines().filter(line -> line.contains("Order " + order.orderId() + " accepted")))
                .as("the placement's log line").singleElement().asString().contains("trace=" + traceId);
        await().atMost(Shop.PATIENCE).untilAsserted(() -> assertThat(collector.trace(traceId))
                .anyMatch(s -> s.name().equals("command PlaceOrder")));
    }

    private PlacedOrder place(Product product, String traceparent) {
        var request = shop.http().post().uri("/api/orders")
                .header("Idempotency-Key", Shop.shortId());
        if (traceparent != null) {
            request = request.header("traceparent", traceparent);
        }
        JsonNode accepted = shop.json(request.contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", product.productId(), "quantity", 1, "email", Shop.email()))
                .exchange().expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody());
        return new PlacedOrder(accepted.get("orderId").asText(), accepted.get("accessToken").asText());
    }

    private static List<String> traceIds(JsonNode events, String... types) {
        List<String> ids = new ArrayList<>();
        for (JsonNode event : events) {
            if (List.of(types).contains(event.get("type").asText())) {
                ids.add(event.path("w3cTraceId").asText());
            }
        }
        return ids;
    }
}
