package dev.cardflow.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.function.Function;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A buyer from the storefront to the delivered key: browse the products, place an order, watch the
 * order page until the payment is offered, pay at the simulated PSP (demo mode), watch until the key
 * is delivered. The order page is watched by polling with ETags ({@code -Dsse=false}, the default)
 * or through its live stream ({@code -Dsse=true}: a stream ticket, then Server-Sent Events).
 *
 * <p>Properties (all optional but {@code adminPassword}):
 * <ul>
 *   <li>{@code base} ({@code http://localhost:8080}), {@code adminPassword}, {@code productId}
 *       (buy an existing product instead of creating and stocking one), {@code keys} (keys to upload)</li>
 *   <li>{@code workload}: {@code open} (new buyers arrive at {@code rate} a second for
 *       {@code duration} seconds, after a ramp from 1 to {@code rate} over {@code ramp} seconds) or
 *       {@code closed} ({@code concurrent} buyers at any time for {@code duration} seconds, a new
 *       buyer starting as soon as one has its key, after a ramp over {@code ramp} seconds)</li>
 *   <li>{@code poll}: milliseconds between two polls of the order (250), or {@code page} for the
 *       page's own rhythm ({@code pollAfterSeconds}); {@code maxWait}: seconds a stage may take before
 *       the order counts as failed (60)</li>
 *   <li>{@code sse}: watch the order through its live stream instead of polling (false)</li>
 *   <li>{@code forwardedFor}: each buyer its own client address (true; see {@link BenchConfig#forwardedFor()})</li>
 * </ul>
 * The only assertion is that no request failed; times are for the HTML report, never asserted.
 */
public class BuyerJourney extends Simulation {

    private static final String WORKLOAD = BenchConfig.lower("workload", "open");
    private static final double RATE = BenchConfig.decimal("rate", 5);
    private static final int CONCURRENT = BenchConfig.integer("concurrent", 16);
    private static final Duration RAMP = BenchConfig.seconds("ramp", 0);
    private static final Duration DURATION = BenchConfig.seconds("duration", 10);
    private static final Duration MAX_WAIT = BenchConfig.seconds("maxWait", 60);
    private static final boolean SSE = BenchConfig.bool("sse", false);
    private static final Function<Session, Duration> POLL = OrderPage.interval(BenchConfig.string("poll", "250"));

    private static final ObjectMapper EVENT_DATA = new ObjectMapper();

    private volatile String productId;

    private final HttpProtocolBuilder protocol = protocol();

    private final ChainBuilder browse = exec(http("browse products").get("/api/products")
            .check(status().is(200), jsonPath("$[*].productId").findAll().exists()));

    private final ChainBuilder pay = exec(http("pay at the PSP")
            .post("/simulator/psp/v1/payments/#{paymentId}/complete")
            .check(status().is(200)));

    private final ChainBuilder byPolling = group("placed → payable").on(
                    OrderPage.pollUntil("poll order (awaiting payment)", OrderPage::hasPayment, MAX_WAIT, POLL,
                            "payment offered in time", jsonPath("$.payment.paymentId").exists()))
            .exitHereIfFailed()
            .exec(pay)
            .group("paid → delivered").on(
                    OrderPage.pollUntil("poll order (paid)", OrderPage::settled, MAX_WAIT, POLL,
                            "settled in time", jsonPath("$.status").in(OrderPage.TERMINAL.stream().toList())))
            .exitHereIfFailed()
            .doIf(session -> !"DELIVERED".equals(session.getString("status")))
            .then(exec(http("delivered").get("/api/orders/#{orderId}")
                    .header("Authorization", "Bearer #{token}")
                    .check(jsonPath("$.status").is("DELIVERED"))));

    private final ChainBuilder byStream = exec(http("stream ticket")
            .post("/api/orders/#{orderId}/stream-ticket")
            .header("Authorization", "Bearer #{token}")
            .check(status().is(200), jsonPath("$.ticket").saveAs("ticket")))
            .group("placed → payable").on(exec(sse("order updates")
                    .get("/api/orders/#{orderId}/updates?ticket=#{ticket}")
                    .await(MAX_WAIT).on(sse.checkMessage("payment offered")
                            .matching(eventData("/payment/paymentId").notNull())
                            .check(eventData("/payment/paymentId").saveAs("paymentId")))))
            .exitHereIfFailed()
            .exec(pay)
            .group("paid → delivered").on(exec(sse("order updates").setCheck()
                    .await(MAX_WAIT).on(sse.checkMessage("settled")
                            .matching(eventData("/status").in(OrderPage.TERMINAL.stream().toList()))
                            .check(eventData("/status").is("DELIVERED")))))
            .exec(sse("close order updates").close());

    private final ChainBuilder journey = exec(browse)
            .exec(OrderPage.place(session -> productId))
            .exitHereIfFailed()
            .exec(SSE ? byStream : byPolling);

    /** One journey a virtual user; in the closed model a finished user is replaced at once by a new one. */
    private final ScenarioBuilder buyers = scenario("buyer (" + WORKLOAD + " model)").feed(Shop.buyers()).exec(journey);

    {
        setUp(population()).protocols(protocol)
                .maxDuration(DURATION.plus(RAMP).plus(MAX_WAIT.multipliedBy(2)).plusSeconds(30))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        productId = Shop.productFor(BenchConfig.integer("keys", expectedOrders()));
        System.out.printf("bench: BuyerJourney %s model, %s, %s%n", WORKLOAD,
                "closed".equals(WORKLOAD) ? CONCURRENT + " concurrent buyers" : RATE + " buyers/s",
                SSE ? "order watched by SSE" : "order polled with ETags");
    }

    private PopulationBuilder population() {
        if ("closed".equals(WORKLOAD)) {
            return RAMP.isZero()
                    ? buyers.injectClosed(constantConcurrentUsers(CONCURRENT).during(DURATION))
                    : buyers.injectClosed(rampConcurrentUsers(1).to(CONCURRENT).during(RAMP),
                            constantConcurrentUsers(CONCURRENT).during(DURATION));
        }
        if (!"open".equals(WORKLOAD)) {
            throw new IllegalArgumentException("-Dworkload must be open or closed, not " + WORKLOAD);
        }
        return RAMP.isZero()
                ? buyers.injectOpen(constantUsersPerSec(RATE).during(DURATION))
                : buyers.injectOpen(rampUsersPerSec(1).to(RATE).during(RAMP),
                        constantUsersPerSec(RATE).during(DURATION));
    }

    /**
     * Keys enough for every order: the open model's arrivals with a margin; in the closed model a
     * journey takes at least a second, so no buyer completes more than one a second.
     */
    private static int expectedOrders() {
        double seconds = DURATION.toMillis() / 1000.0 + RAMP.toMillis() / 1000.0;
        double orders = "closed".equals(WORKLOAD) ? CONCURRENT * (seconds + 1) : RATE * seconds;
        return (int) Math.ceil(orders * 1.1) + 10;
    }

    /**
     * A field of an SSE event's {@code data} (the order view as JSON), by JSON pointer. Gatling hands
     * a message to its checks as {@code {"event", "id", "data"}} with {@code data} as a string.
     */
    private static CheckBuilder.Validate<String> eventData(String pointer) {
        return jsonPath("$.data").ofString().transform(data -> {
            try {
                JsonNode field = EVENT_DATA.readTree(data).at(pointer);
                return field.isMissingNode() || field.isNull() ? null : field.asText();
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("an order update that is not JSON: " + data, e);
            }
        });
    }

    static HttpProtocolBuilder protocol() {
        HttpProtocolBuilder protocol = http.baseUrl(BenchConfig.base())
                .acceptHeader("application/json")
                .userAgentHeader("cardflow-bench (Gatling)")
                // the ETags are handled by the order page's own logic (OrderPage), as the page does
                .disableCaching();
        return BenchConfig.forwardedFor() ? protocol.header("X-Forwarded-For", "#{clientAddress}") : protocol;
    }
}
