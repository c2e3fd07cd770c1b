package dev.cardflow.bench;

import io.gatling.javaapi.core.Simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The setup alone: a new product with {@code keys} (1,000) card keys, so that a measured run
 * ({@code bench/cost.py}) does not count the key upload. Writes the product id to
 * {@code bench/target/bench-product} (and prints it); pass it on as
 * {@code -DproductId=$(cat bench/target/bench-product)}. Its one request checks that the
 * storefront lists the product with all its keys.
 */
public class StockUp extends Simulation {

    private static final int KEYS = BenchConfig.integer("keys", 1000);
    private static final Path OUTPUT = Path.of(BenchConfig.string("productFile",
            BenchConfig.string("bench.target", "target") + "/bench-product"));

    private volatile String productId;

    {
        setUp(scenario("stock up").feed(Shop.buyers())
                .exec(session -> session.set("productId", productId))
                .exec(http("product listed").get("/api/products")
                        .check(status().is(200), jsonPath("$[?(@.productId == '#{productId}')].available").ofLong()
                                .gte((long) KEYS)))
                .injectOpen(atOnceUsers(1)))
                .protocols(BuyerJourney.protocol())
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        productId = Shop.fromConfig().stockedProduct(KEYS);
        try {
            Files.createDirectories(OUTPUT.toAbsolutePath().getParent());
            Files.writeString(OUTPUT, productId + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("PRODUCT=%s (%d keys; written to %s)%n", productId, KEYS, OUTPUT.toAbsolutePath());
    }
}
