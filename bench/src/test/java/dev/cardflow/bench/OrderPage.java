package dev.cardflow.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * What a buyer's browser does, as Gatling chains: place an order, and poll it as the order page
 * does — with the bearer token and, once it has one, {@code If-None-Match} with the last
 * {@code ETag}, so an unchanged order answers {@code 304} without a body. Session keys:
 * {@code orderId}, {@code token}, {@code etag}, {@code status}, {@code paymentId},
 * {@code payableAt} (when the order reached {@code PENDING_PAYMENT}, from its timeline),
 * {@code pollAfterSeconds}.
 */
final class OrderPage {

    static final Set<String> TERMINAL = Set.of("DELIVERED", "CANCELLED", "REFUNDING", "REFUNDED");

    private OrderPage() {
    }

    /** {@code POST /api/orders} with the buyer's Idempotency-Key; it must be accepted ({@code 202}). */
    static ChainBuilder place(Function<Session, String> productId) {
        return exec(http("place order")
                .post("/api/orders")
                .header("Idempotency-Key", "#{idempotencyKey}")
                .header("Content-Type", "application/json")
                .body(StringBody(session -> "{\"productId\":\"" + productId.apply(session)
                        + "\",\"quantity\":1,\"email\":\"" + session.getString("email") + "\"}"))
                .check(status().is(202),
                        jsonPath("$.orderId").saveAs("orderId"),
                        jsonPath("$.accessToken").saveAs("token")));
    }

    /** One poll of the order, conditional once an ETag is known. */
    static ChainBuilder poll(String name) {
        return doIfOrElse(session -> session.contains("etag"))
                .then(exec(checked(get(name).header("If-None-Match", "#{etag}"))))
                .orElse(exec(checked(get(name))));
    }

    /**
     * Polls until {@code done} holds, at most {@code within}; if it still does not hold then, one
     * more request carries the failing check {@code failedName} so the timeout is counted as a
     * failure in the report (and by the simulation's assertion).
     */
    static ChainBuilder pollUntil(String name, Function<Session, Boolean> done, Duration within,
                                  Function<Session, Duration> interval, String failedName,
                                  io.gatling.javaapi.core.CheckBuilder failingCheck) {
        return exec(session -> session.set("pollStarted", System.nanoTime()))
                .asLongAs(session -> !done.apply(session)
                        && System.nanoTime() - session.getLong("pollStarted") < within.toNanos())
                .on(pause(interval), poll(name))
                .doIf(session -> !done.apply(session))
                .then(exec(get(failedName).check(failingCheck)));
    }

    /** The pause between polls: a fixed interval, or the page's own rhythm ({@code pollAfterSeconds}). */
    static Function<Session, Duration> interval(String poll) {
        if ("page".equals(poll)) {
            return session -> session.contains("pollAfterSeconds")
                    ? Duration.ofMillis(Math.round(Double.parseDouble(session.getString("pollAfterSeconds")) * 1000))
                    : Duration.ofSeconds(1);
        }
        Duration fixed = Duration.ofMillis(Long.parseLong(poll));
        return session -> fixed;
    }

    static boolean hasPayment(Session session) {
        return session.contains("paymentId");
    }

    static boolean settled(Session session) {
        return TERMINAL.contains(session.getString("status"));
    }

    private static HttpRequestActionBuilder get(String name) {
        return http(name).get("/api/orders/#{orderId}").header("Authorization", "Bearer #{token}");
    }

    private static HttpRequestActionBuilder checked(HttpRequestActionBuilder request) {
        return request
                .check(status().in(200, 304), header("ETag").optional().saveAs("etag"))
                .checkIf((response, session) -> response.status().code() == 200)
                .then(jsonPath("$.status").saveAs("status"),
                        jsonPath("$.timeline[?(@.status == 'PENDING_PAYMENT')].at").optional().saveAs("payableAt"),
                        jsonPath("$.payment.paymentId").optional().saveAs("paymentId"),
                        // null once settled: the regex then finds nothing and the last hint stays
                        regex("\"pollAfterSeconds\":([0-9.]+)").optional().saveAs("pollAfterSeconds"));
    }
}
