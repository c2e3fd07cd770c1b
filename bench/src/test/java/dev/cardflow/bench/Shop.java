package dev.cardflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The shop owner's part of a run, done before the load starts (Gatling's {@code before()} hook,
 * outside the measured requests): a product of its own and enough card keys for every order, through
 * the admin API as an operator would. Plus the buyers' identities: each virtual user its own
 * Idempotency-Key, email and client address.
 */
final class Shop {

    /** The admin API takes card-key uploads up to 2 MB; 10,000 keys of ~44 bytes stay well below. */
    private static final int KEYS_PER_UPLOAD = 10_000;
    private static final Duration STOCK_VISIBLE_WITHIN = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong BUYERS = new AtomicLong();

    private final String base;
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Shop(String base, String user, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static Shop fromConfig() {
        return new Shop(BenchConfig.base(), BenchConfig.adminUser(), BenchConfig.adminPassword());
    }

    /**
     * The product the run buys: {@code -DproductId} as it is, or a new POOL product with
     * {@code keys} card keys, returned once the storefront lists all of them as available.
     */
    static String productFor(int keys) {
        String existing = BenchConfig.productId();
        if (existing != null) {
            System.out.printf("bench: buying the existing product %s (no keys uploaded)%n", existing);
            return existing;
        }
        return fromConfig().stockedProduct(keys);
    }

    String stockedProduct(int keys) {
        Instant started = Instant.now();
        String name = "Bench " + started;
        JsonNode product = send(HttpRequest.newBuilder(URI.create(base + "/admin/api/products"))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + name + "\",\"price\":\"1.00\",\"currency\":\"EUR\",\"source\":\"POOL\"}")),
                201);
        String productId = product.get("productId").asText();
        for (int from = 0; from < keys; from += KEYS_PER_UPLOAD) {
            String lines = IntStream.range(from, Math.min(keys, from + KEYS_PER_UPLOAD))
                    .mapToObj(i -> "BENCH-" + UUID.randomUUID())
                    .collect(Collectors.joining("\n"));
            send(HttpRequest.newBuilder(URI.create(base + "/admin/api/products/" + productId + "/card-keys"))
                    .header("Authorization", authorization)
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(lines)), 200);
        }
        awaitAvailable(productId, keys);
        System.out.printf("bench: product %s stocked with %d keys in %d ms%n",
                productId, keys, Duration.between(started, Instant.now()).toMillis());
        return productId;
    }

    private void awaitAvailable(String productId, int keys) {
        Instant deadline = Instant.now().plus(STOCK_VISIBLE_WITHIN);
        long available = -1;
        while (Instant.now().isBefore(deadline)) {
            JsonNode products = send(HttpRequest.newBuilder(URI.create(base + "/api/products")).GET(), 200);
            for (JsonNode product : products) {
                if (productId.equals(product.path("productId").asText())) {
                    available = product.path("available").asLong(-1);
                }
            }
            if (available >= keys) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the stock", e);
            }
        }
        throw new IllegalStateException("product " + productId + " shows " + available + " of " + keys
                + " keys available after " + STOCK_VISIBLE_WITHIN.toSeconds() + " s");
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * One buyer per virtual user: {@code idempotencyKey}, {@code email} and {@code clientAddress}
     * (198.18.0.0/15, RFC 2544's benchmark range; only ever a header value, never a destination).
     */
    static Iterator<Map<String, Object>> buyers() {
        String run = Long.toString(System.currentTimeMillis(), 36);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                long n = BUYERS.incrementAndGet();
                Map<String, Object> buyer = new HashMap<>();
                buyer.put("idempotencyKey", "bench-" + run + "-" + n);
                buyer.put("email", "bench" + n + "@example.com");
                long host = n % (1 << 17);
                buyer.put("clientAddress", "198." + (18 + (host >> 16)) + "." + ((host >> 8) & 0xFF) + "." + (host & 0xFF));
                return buyer;
            }
        };
    }
}
