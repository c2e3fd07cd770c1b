package dev.cardflow.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The burst of issue 12: {@code placements} (5,000) orders placed within {@code burst} seconds (2),
 * each its own buyer; every one must be accepted ({@code 202}). Then {@code watchers} (4) virtual
 * users walk through the accepted orders, polling each (with its ETag) until it is
 * {@code PENDING_PAYMENT}, and the drain time is read from the orders' own timelines: the time of
 * the last order's {@code PENDING_PAYMENT} entry minus the moment the first placement was sent.
 * Nobody pays: the orders stay payable until {@code CARDFLOW_PAYMENT_EXPIRY}.
 *
 * <p>Per-client limits: by default every placement carries its own {@code X-Forwarded-For}
 * ({@link BenchConfig#forwardedFor()}), so 5,000 buyers each place one order as 5,000 real buyers
 * would. With {@code -DforwardedFor=false} start the platform with
 * {@code CARDFLOW_RATE_LIMIT_PER_MINUTE} and {@code CARDFLOW_MAX_UNPAID_ORDERS} above the count.
 *
 * <p>Properties: {@code base}, {@code adminPassword}, {@code productId}, {@code keys} as in
 * {@link BuyerJourney}; {@code placements}, {@code burst} (seconds), {@code watchers},
 * {@code watchPoll} (milliseconds between two polls of an order not yet payable, 200),
 * {@code maxWait} (seconds an order may take to become payable once a watcher looks at it, 120).
 */
public class PlacementBurst extends Simulation {

    private static final int PLACEMENTS = BenchConfig.integer("placements", 5000);
    private static final Duration BURST = BenchConfig.seconds("burst", 2);
    private static final int WATCHERS = BenchConfig.integer("watchers", 4);
    private static final Duration WATCH_POLL = BenchConfig.millis("watchPoll", 200);
    private static final Duration MAX_WAIT = BenchConfig.seconds("maxWait", 120);

    private record Placed(String orderId, String token) {
    }

    private static final ConcurrentLinkedQueue<Placed> ACCEPTED = new ConcurrentLinkedQueue<>();
    private static final AtomicLong FIRST_SENT = new AtomicLong(Long.MAX_VALUE);
    private static final AtomicLong LAST_ACCEPTED = new AtomicLong();
    private static final AtomicLong LAST_PAYABLE = new AtomicLong();
    private static final AtomicInteger PAYABLE = new AtomicInteger();

    private volatile String productId;

    private final ScenarioBuilder burst = scenario("placement burst")
            .feed(Shop.buyers())
            .exec(session -> {
                FIRST_SENT.accumulateAndGet(System.currentTimeMillis(), Math::min);
                return session;
            })
            .exec(OrderPage.place(session -> productId))
            .exitHereIfFailed()
            .exec(session -> {
                LAST_ACCEPTED.accumulateAndGet(System.currentTimeMillis(), Math::max);
                ACCEPTED.add(new Placed(session.getString("orderId"), session.getString("token")));
                return session;
            });

    private final ScenarioBuilder drain = scenario("drain watcher")
            .feed(Shop.buyers())
            .asLongAs(session -> !ACCEPTED.isEmpty()).on(
                    exec(session -> {
                        Placed next = ACCEPTED.poll();
                        if (next == null) {
                            return session.remove("orderId");
                        }
                        return session.removeAll("etag", "status", "payableAt")
                                .set("orderId", next.orderId()).set("token", next.token());
                    })
                    .doIf(session -> session.contains("orderId")).then(
                            OrderPage.pollUntil("poll order (until payable)",
                                    session -> session.contains("status") && !"PLACED".equals(session.getString("status")),
                                    MAX_WAIT, session -> WATCH_POLL,
                                    "payable in time", jsonPath("$.status").not("PLACED"))
                                    .doIf(session -> session.contains("status")
                                            && !"PLACED".equals(session.getString("status"))
                                            && !"PENDING_PAYMENT".equals(session.getString("status")))
                                    .then(exec(http("payable, not cancelled").get("/api/orders/#{orderId}")
                                            .header("Authorization", "Bearer #{token}")
                                            .check(jsonPath("$.status").is("PENDING_PAYMENT"))))
                                    .exec(session -> {
                                        if (session.contains("payableAt")) {
                                            PAYABLE.incrementAndGet();
                                            LAST_PAYABLE.accumulateAndGet(
                                                    Instant.parse(session.getString("payableAt")).toEpochMilli(), Math::max);
                                        }
                                        return session;
                                    })));

    {
        setUp(burst.injectOpen(rampUsers(PLACEMENTS).during(BURST))
                .andThen(drain.injectOpen(atOnceUsers(WATCHERS))))
                .protocols(BuyerJourney.protocol())
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        productId = Shop.productFor(BenchConfig.integer("keys", PLACEMENTS));
        System.out.printf("bench: PlacementBurst of %d placements within %d ms%n", PLACEMENTS, BURST.toMillis());
    }

    @Override
    public void after() {
        if (FIRST_SENT.get() == Long.MAX_VALUE) {
            return;
        }
        long first = FIRST_SENT.get();
        System.out.printf("BURST placements=%d sent-within=%dms all-accepted-after=%dms payable=%d "
                        + "drain(first placement sent -> last order PENDING_PAYMENT)=%dms "
                        + "(last accepted -> last PENDING_PAYMENT: %dms)%n",
                PLACEMENTS, BURST.toMillis(), LAST_ACCEPTED.get() - first, PAYABLE.get(),
                LAST_PAYABLE.get() - first, LAST_PAYABLE.get() - LAST_ACCEPTED.get());
    }
}
