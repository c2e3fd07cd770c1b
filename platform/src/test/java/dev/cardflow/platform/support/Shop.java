package dev.cardflow.platform.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A test's hands on a running platform, through its public HTTP API only: what an operator, a
 * buyer and the PSP's pay page do.
 */
public class Shop {

    public static final String ADMIN_PASSWORD = "it-admin-password";
    public static final String METRICS_PASSWORD = "it-metrics-password";
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A product in the catalogue. */
    public record Product(String productId, String name) {
    }

    /** An accepted order and the token to read it. */
    public record PlacedOrder(String orderId, String accessToken) {
    }

    private final WebTestClient http;
    private final ObjectMapper json = new ObjectMapper();

    public Shop(int port) {
        this.http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(40))
                // a Prometheus scrape, with Axon's metrics per processor and event type, outgrows the default 256 KiB
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    public WebTestClient http() {
        return http;
    }

    public WebTestClient.RequestHeadersSpec<?> asAdmin(WebTestClient.RequestHeadersSpec<?> request) {
        return request.headers(h -> h.setBasicAuth("admin", ADMIN_PASSWORD));
    }

    /** Registers a POOL product holding {@code keys}, and waits until buyers see its stock. */
    public Product pooledProduct(String price, List<String> keys) {
        return pooledProduct(price, "EUR", keys);
    }

    /** Registers a POOL product priced in {@code currency} holding {@code keys}, and waits until buyers see its stock. */
    public Product pooledProduct(String price, String currency, List<String> keys) {
        Product product = register(Map.of("name", "Pool " + shortId(), "price", price, "currency", currency,
                "source", "POOL"));
        if (!keys.isEmpty()) {
            JsonNode added = json(asAdmin(http.post().uri("/admin/api/products/{id}/card-keys", product.productId())
                    .contentType(MediaType.TEXT_PLAIN)
                    .bodyValue(String.join("\n", keys)))
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
            assertThat(added.get("added").asInt()).isEqualTo(keys.size());
        }
        await().atMost(PATIENCE).until(() -> available(product.productId()) == keys.size());
        return product;
    }

    /** Registers an UPSTREAM product whose keys are bought from the suppliers. */
    public Product upstreamProduct(String price, String sku) {
        return register(Map.of("name", "Upstream " + shortId(), "price", price, "currency", "EUR",
                "source", "UPSTREAM", "sku", sku));
    }

    private Product register(Map<String, String> body) {
        JsonNode created = json(asAdmin(http.post().uri("/admin/api/products")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
        return new Product(created.get("productId").asText(), body.get("name"));
    }

    /** Unique card keys for one test. */
    public static List<String> keys(int count) {
        String batch = shortId();
        return IntStream.rangeClosed(1, count).mapToObj(i -> "KEY-" + batch + "-" + i).toList();
    }

    public int available(String productId) {
        JsonNode products = json(http.get().uri("/api/products").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        for (JsonNode p : products) {
            if (p.get("productId").asText().equals(productId)) {
                return p.get("available").asInt();
            }
        }
        return -1;
    }

    public PlacedOrder place(String productId, int quantity, String email) {
        return place(productId, quantity, email, UUID.randomUUID().toString());
    }

    public PlacedOrder place(String productId, int quantity, String email, String idempotencyKey) {
        return place(Map.of("productId", productId, "quantity", quantity, "email", email), idempotencyKey);
    }

    /** Places an order to be paid through {@code paymentMethod}. */
    public PlacedOrder placePaidBy(String paymentMethod, String productId) {
        return placePaidBy(paymentMethod, productId, email(), UUID.randomUUID().toString());
    }

    /** Places (or, with the same key, finds again) an order to be paid through {@code paymentMethod}. */
    public PlacedOrder placePaidBy(String paymentMethod, String productId, String email, String idempotencyKey) {
        return place(Map.of("productId", productId, "quantity", 1, "email", email, "paymentMethod", paymentMethod),
                idempotencyKey);
    }

    private PlacedOrder place(Map<String, Object> body, String idempotencyKey) {
        JsonNode accepted = json(http.post().uri("/api/orders")
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange().expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(accepted.get("status").asText()).isEqualTo("PLACED");
        return new PlacedOrder(accepted.get("orderId").asText(), accepted.get("accessToken").asText());
    }

    public JsonNode order(PlacedOrder order) {
        return json(http.get().uri("/api/orders/{id}", order.orderId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + order.accessToken())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    public String status(PlacedOrder order) {
        return order(order).get("status").asText();
    }

    /** Waits until the order is in one of {@code statuses} and returns it. */
    public JsonNode awaitStatus(PlacedOrder order, String... statuses) {
        Set<String> wanted = Arrays.stream(statuses).collect(Collectors.toSet());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(status(order)).isIn(wanted));
        return order(order);
    }

    /** Pays every order as soon as it waits for payment; returns when each was paid. */
    public Map<PlacedOrder, Long> payAll(List<PlacedOrder> orders) {
        Map<PlacedOrder, Long> paidAt = new java.util.LinkedHashMap<>();
        for (PlacedOrder order : orders) {
            String payment = awaitPayment(order);
            paidAt.put(order, System.nanoTime());
            pay(payment);
        }
        return paidAt;
    }

    /**
     * Waits until every order is in one of {@code statuses}; returns how long each took from its
     * moment in {@code since} (a {@link System#nanoTime()}) until it was first seen there.
     */
    public Map<PlacedOrder, Duration> awaitAll(Map<PlacedOrder, Long> since, Duration patience, String... statuses) {
        Set<String> wanted = Arrays.stream(statuses).collect(Collectors.toSet());
        Map<PlacedOrder, Duration> reached = new java.util.LinkedHashMap<>();
        await().atMost(patience).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (PlacedOrder order : since.keySet()) {
                if (!reached.containsKey(order) && wanted.contains(status(order))) {
                    reached.put(order, Duration.ofNanos(System.nanoTime() - since.get(order)));
                }
            }
            return reached.size() == since.size();
        });
        return reached;
    }

    /** The PSP and both suppliers back to calm. */
    public void calmEverything() {
        Map<String, Object> calm = Map.of("latencyMs", 0, "jitterMs", 0, "failureRate", 0, "timeoutRate", 0,
                "callbackDropRate", 0, "callbackDuplicateRate", 0, "callbackDelayMs", 0);
        pspChaos(calm);
        supplierChaos("primary", calm);
        supplierChaos("backup", calm);
    }

    public JsonNode breakers() {
        return json(asAdmin(http.get().uri("/admin/api/circuit-breakers")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    /** Waits until the order waits for payment and returns its payment id. */
    public String awaitPayment(PlacedOrder order) {
        return awaitStatus(order, "PENDING_PAYMENT").get("payment").get("paymentId").asText();
    }

    /** The buyer presses Pay on the PSP's pay page. */
    public void pay(String paymentId) {
        http.post().uri("/simulator/psp/v1/payments/{id}/complete", paymentId)
                .exchange().expectStatus().isOk();
    }

    public JsonNode pspPayment(String paymentId) {
        return json(http.get().uri("/simulator/psp/v1/payments/{id}", paymentId)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    /** Places {@code count} orders of one key each, {@code parallel} at a time. */
    public List<PlacedOrder> placeMany(String productId, int count, int parallel) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
        try {
            List<java.util.concurrent.Future<PlacedOrder>> placed = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                placed.add(pool.submit(() -> place(productId, 1, email())));
            }
            List<PlacedOrder> orders = new java.util.ArrayList<>();
            for (var order : placed) {
                orders.add(order.get());
            }
            return orders;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdown();
        }
    }

    public void pspChaos(Map<String, Object> knobs) {
        http.put().uri("/simulator/psp/v1/simulation").contentType(MediaType.APPLICATION_JSON).bodyValue(knobs)
                .exchange().expectStatus().isOk();
    }

    public void supplierChaos(String supplier, Map<String, Object> knobs) {
        http.put().uri("/simulator/suppliers/{s}/v1/simulation", supplier).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(knobs).exchange().expectStatus().isOk();
    }

    /** An operator's action on an order; returns the answer's status. */
    public int operator(String orderId, String action, Map<String, Object> body) {
        var request = http.post().uri("/admin/api/orders/{id}/{action}", orderId, action)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return asAdmin(request).exchange().returnResult(String.class).getStatus().value();
    }

    public JsonNode audit(String orderId) {
        return json(asAdmin(http.get().uri("/admin/api/orders/{id}/audit", orderId)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    public JsonNode mailbox(String email) {
        return json(http.get().uri(u -> u.path("/simulator/mailbox/v1/messages").queryParam("to", email).build())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    /** The operators' list of orders matching {@code query} (an order id or an email). */
    public JsonNode adminOrders(String query) {
        return json(asAdmin(http.get().uri(u -> u.path("/admin/api/orders").queryParam("q", query).build()))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .get("orders");
    }

    public JsonNode json(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** How many timeline entries of the order carry {@code code}. */
    /** Lets the platform's background work run for {@code duration}, to see that nothing more happens. */
    public static void pause(Duration duration) {
        await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
    }

    public static int entries(JsonNode order, String code) {
        int count = 0;
        for (JsonNode entry : order.get("timeline")) {
            count += entry.get("code").asText().equals(code) ? 1 : 0;
        }
        return count;
    }

    /**
     * What a storefront does while the platform restarts: the same request again, every 250 ms,
     * until it is answered (for two minutes at most).
     */
    public static <T> T retrying(java.util.function.Supplier<T> request) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                return request.get();
            } catch (RuntimeException | AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
    }

    public static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static String email() {
        return "buyer-" + shortId() + "@example.com";
    }
}
