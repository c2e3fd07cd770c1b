package dev.cardflow.platform.web;

import dev.cardflow.platform.support.PlatformTest;
import dev.cardflow.platform.support.Shop;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.TestHttp;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of malformed requests thrown at every public endpoint: each is a 4xx problem, none
 * logs an ERROR, none stores anything.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsIT {

    /** Refused by the HTTP server itself, before any of our code runs: no problem body there. */
    private static final java.util.Set<Integer> NETTY_REFUSALS = java.util.Set.of(413, 414, 431);

    private final HttpClient client = TestHttp.client();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Shop shop;

    @BeforeEach
    void openShop() {
        shop = new Shop(port);
    }

    /** One malformed request. */
    record Attempt(String name, HttpMethod method, String path, byte[] body, Consumer<HttpHeaders> headers) {
    }

    @Test
    void everyMalformedRequestToAPublicEndpointIsA4xxProblemLogsNoErrorAndStoresNothing(CapturedOutput log) {
        Product product = shop.pooledProduct("1.00", Shop.keys(1));
        PlacedOrder order = shop.place(product.productId(), 1, Shop.email());
        String id = product.productId();
        String orderPath = "/api/orders/" + order.orderId();
        shop.awaitPayment(order); // the order has come to rest: from here on, only our requests could add events
        Integer eventsBefore = events();

        List<Attempt> corpus = new ArrayList<>();
        Map<String, String> placements = new LinkedHashMap<>();
        placements.put("huge quantity", "{\"productId\":\"" + id + "\",\"quantity\":99999999999999999999999,\"email\":\"a@b.example\"}");
        placements.put("huge exponent", "{\"productId\":\"" + id + "\",\"quantity\":1e400,\"email\":\"a@b.example\"}");
        placements.put("fractional quantity", "{\"productId\":\"" + id + "\",\"quantity\":1.5,\"email\":\"a@b.example\"}");
        placements.put("negative quantity", "{\"productId\":\"" + id + "\",\"quantity\":-1,\"email\":\"a@b.example\"}");
        placements.put("max int quantity", "{\"productId\":\"" + id + "\",\"quantity\":2147483647,\"email\":\"a@b.example\"}");
        placements.put("wrong types", "{\"productId\":123,\"quantity\":\"one\",\"email\":[]}");
        placements.put("object for a string", "{\"productId\":{\"a\":1},\"quantity\":1,\"email\":\"a@b.example\"}");
        placements.put("boolean quantity", "{\"productId\":\"" + id + "\",\"quantity\":true,\"email\":\"a@b.example\"}");
        placements.put("truncated", "{\"productId\":\"" + id + "\",\"quantity\":1,\"em");
        placements.put("not an object", "[1,2,3]");
        placements.put("null", "null");
        placements.put("a string", "\"order\"");
        placements.put("empty", "");
        placements.put("deep nesting", "[".repeat(5000) + "]".repeat(5000));
        placements.put("control characters in email",
                "{\"productId\":\"" + id + "\",\"quantity\":1,\"email\":\"a\\u0001b@c.example\"}");
        placements.put("NUL in product id", "{\"productId\":\"" + id + "\\u0000\",\"quantity\":1,\"email\":\"a@b.example\"}");
        placements.put("over-long product id", "{\"productId\":\"" + "p".repeat(10_000) + "\",\"quantity\":1,\"email\":\"a@b.example\"}");
        placements.put("over-long email", "{\"productId\":\"" + id + "\",\"quantity\":1,\"email\":\"" + "a".repeat(5000) + "@b.example\"}");
        placements.forEach((name, body) -> corpus.add(new Attempt("POST /api/orders: " + name, HttpMethod.POST,
                "/api/orders", body.getBytes(StandardCharsets.UTF_8), json())));
        corpus.add(new Attempt("POST /api/orders: invalid UTF-8", HttpMethod.POST, "/api/orders",
                concat("{\"productId\":\"", new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                        "\",\"quantity\":1,\"email\":\"a@b.example\"}"), json()));
        corpus.add(new Attempt("POST /api/orders: unknown charset", HttpMethod.POST, "/api/orders",
                ("{\"productId\":\"" + id + "\",\"quantity\":1,\"email\":\"a@b.example\"}").getBytes(StandardCharsets.UTF_8),
                h -> h.set(HttpHeaders.CONTENT_TYPE, "application/json; charset=x-no-such-charset")));
        corpus.add(new Attempt("POST /api/orders: over-long idempotency key", HttpMethod.POST, "/api/orders",
                ("{\"productId\":\"" + id + "\",\"quantity\":1,\"email\":\"a@b.example\"}").getBytes(StandardCharsets.UTF_8),
                json().andThen(h -> h.set("Idempotency-Key", "k".repeat(5000)))));
        corpus.add(new Attempt("POST /api/orders: absurd content type", HttpMethod.POST, "/api/orders",
                "{}".getBytes(StandardCharsets.UTF_8), h -> h.set(HttpHeaders.CONTENT_TYPE, "application/json;;;=;")));
        corpus.add(new Attempt("POST /api/orders: text body", HttpMethod.POST, "/api/orders",
                "productId=x".getBytes(StandardCharsets.UTF_8), h -> h.set(HttpHeaders.CONTENT_TYPE, "text/plain")));

        for (String path : List.of(orderPath, orderPath + "/updates")) {
            corpus.add(get(path + ": no token", path, h -> { }));
            corpus.add(get(path + ": huge token", path + "?token=" + "t".repeat(6000), h -> { }));
            corpus.add(get(path + ": empty bearer", path, h -> h.set(HttpHeaders.AUTHORIZATION, "Bearer ")));
            corpus.add(get(path + ": basic instead of bearer", path, h -> h.set(HttpHeaders.AUTHORIZATION, "Basic !!!")));
            corpus.add(get(path + ": absurd ticket", path + "?ticket=99999999999999999999.x", h -> { }));
            corpus.add(get(path + ": two tokens", path + "?token=a&token=b", h -> { }));
        }
        corpus.add(get("over-long order id", "/api/orders/" + "o".repeat(3000) + "?token=x", h -> { }));
        corpus.add(get("over-long order id stream", "/api/orders/" + "o".repeat(3000) + "/updates?token=x", h -> { }));
        corpus.add(get("encoded NUL in order id", "/api/orders/a%00b?token=x", h -> { }));
        corpus.add(get("absurd If-None-Match", orderPath + "?token=" + order.accessToken() + "x",
                h -> h.set(HttpHeaders.IF_NONE_MATCH, "\"" + "e".repeat(4000))));
        corpus.add(new Attempt("POST stream ticket without token", HttpMethod.POST, orderPath + "/stream-ticket",
                new byte[0], h -> { }));
        corpus.add(get("/api/products: XML only", "/api/products", h -> h.set(HttpHeaders.ACCEPT, "application/xml")));
        corpus.add(new Attempt("/api/products: POST", HttpMethod.POST, "/api/products", "{}".getBytes(StandardCharsets.UTF_8), json()));

        String notification = "{\"eventId\":\"e\",\"paymentId\":\"p\",\"merchantOrderId\":\"" + order.orderId()
                + "\",\"status\":\"SUCCEEDED\",\"amount\":1.00,\"currency\":\"EUR\"}";
        for (String timestamp : List.of("99999999999999999", "-99999999999999999", "999999999999999999999999", "abc",
                "", "1e10", "0x10")) {
            corpus.add(notify("timestamp " + timestamp, notification.getBytes(StandardCharsets.UTF_8), timestamp,
                    "sha256=" + "0".repeat(64)));
        }
        corpus.add(notify("signature not hex", notification.getBytes(StandardCharsets.UTF_8),
                Long.toString(java.time.Instant.now().getEpochSecond()), "sha256=zz"));
        corpus.add(notify("huge signature", notification.getBytes(StandardCharsets.UTF_8),
                Long.toString(java.time.Instant.now().getEpochSecond()), "sha256=" + "a".repeat(6000)));
        corpus.add(notify("no headers", notification.getBytes(StandardCharsets.UTF_8), null, null));
        corpus.add(notify("invalid UTF-8 body", new byte[]{(byte) 0xFF, (byte) 0xFE, 0x00},
                Long.toString(java.time.Instant.now().getEpochSecond()), "sha256=00"));

        List<String> failures = new ArrayList<>();
        for (Attempt attempt : corpus) {
            HttpResponse<byte[]> result;
            try {
                result = send(attempt);
            } catch (RuntimeException e) {
                failures.add(attempt.name() + " → " + e);
                continue;
            }
            int status = result.statusCode();
            String contentType = result.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse("none");
            if (status < 400 || status >= 500) {
                failures.add(attempt.name() + " → " + status);
            } else if (!NETTY_REFUSALS.contains(status) && !contentType.startsWith("application/problem+json")) {
                failures.add(attempt.name() + " → " + status + " as " + contentType);
            }
        }
        assertThat(failures).as("answers that are not a 4xx problem").isEmpty();
        assertThat(events()).as("events stored by malformed requests").isEqualTo(eventsBefore);
        assertThat(log.getAll().lines().filter(line -> line.contains(" ERROR ")).toList())
                .as("ERROR log lines").isEmpty();
    }

    /** Sent with the JDK's client, which sends what it is given (WebClient refuses some of it). */
    private HttpResponse<byte[]> send(Attempt attempt) {
        HttpHeaders headers = new HttpHeaders();
        attempt.headers().accept(headers);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + attempt.path()))
                .timeout(Duration.ofSeconds(10))
                .method(attempt.method().name(), attempt.body() == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(attempt.body()));
        headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(attempt.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Integer events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);
    }

    private static Consumer<HttpHeaders> json() {
        return h -> h.set(HttpHeaders.CONTENT_TYPE, "application/json");
    }

    private static Attempt get(String name, String path, Consumer<HttpHeaders> headers) {
        return new Attempt(name, HttpMethod.GET, path, null, headers);
    }

    private static Attempt notify(String name, byte[] body, String timestamp, String signature) {
        return new Attempt("POST /api/payments/notify: " + name, HttpMethod.POST, "/api/payments/notify", body, h -> {
            h.set(HttpHeaders.CONTENT_TYPE, "application/json");
            if (timestamp != null) {
                h.set("X-Cardflow-Timestamp", timestamp);
            }
            if (signature != null) {
                h.set("X-Cardflow-Signature", signature);
            }
        });
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] a = head.getBytes(StandardCharsets.UTF_8);
        byte[] c = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }
}
