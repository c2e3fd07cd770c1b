package dev.cardflow.platform.deploy;

import dev.cardflow.infrastructure.testing.TestDatabase;
import dev.cardflow.platform.support.PlatformProcess;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two platform processes on one PostgreSQL share the work: buyers place orders on both, the one
 * running the fulfilment is killed with SIGKILL halfway, and the survivor takes over its
 * processor segments once their claims time out. Every order is delivered once; no key twice.
 */
class TwoInstancesIT {

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);
    private static final int ORDERS = 30;

    @Test
    void survivorTakesOverTheKilledInstancesSegmentsAndEveryOrderIsDeliveredOnce() throws Exception {
        String database = TestDatabase.create();
        String[] shared = {"--cardflow.psp.webhook-secret=two-instances",
                "--cardflow.fulfilment.payment-check=PT2S", "--cardflow.fulfilment.payment-check-max=PT4S",
                "--axon.eventhandling.tokenstore.claim-timeout=" + CLAIM_TIMEOUT.toSeconds() + "s"};
        List<String> keys = Shop.keys(ORDERS);
        try (PlatformProcess first = new PlatformProcess(PlatformProcess.freePort(), database, shared).start();
             PlatformProcess second = new PlatformProcess(PlatformProcess.freePort(), database, shared).start()) {
            Shop[] shops = {new Shop(first.port()), new Shop(second.port())};
            Product product = shops[0].pooledProduct("1.50", keys);

            List<PlacedOrder> orders = new ArrayList<>();
            PlatformProcess victim = null;
            Shop survivor = null;
            CompletableFuture<Duration> takeover = null;
            for (int i = 0; i < ORDERS; i++) {
                if (i == ORDERS / 2) {
                    victim = owner(database, "fulfilment", first, second);
                    survivor = victim == first ? shops[1] : shops[0];
                    PlatformProcess heir = victim == first ? second : first;
                    victim.kill();
                    takeover = watchTakeover(database, heir, first, second);
                }
                Shop shop = survivor != null ? survivor : shops[i % 2];
                String key = UUID.randomUUID().toString();
                Shop placing = shop;
                PlacedOrder order = Shop.retrying(() -> placing.place(product.productId(), 1, Shop.email(), key));
                orders.add(order);
                placing.pay(Shop.retrying(() -> placing.awaitPayment(order)));
            }

            Duration tookOver = takeover.get(2, TimeUnit.MINUTES);
            System.out.println("SCENARIO two instances, one killed: the fulfilment's segment was taken over "
                    + tookOver.toMillis() + " ms after the kill (claim timeout " + CLAIM_TIMEOUT.toMillis()
                    + " ms, an idle instance claims every 1000 ms)");

            Shop finisher = survivor;
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> orders.stream()
                    .allMatch(o -> finisher.status(o).equals("DELIVERED")));
            List<String> delivered = new ArrayList<>();
            for (PlacedOrder order : orders) {
                JsonNode done = finisher.order(order);
                assertThat(Shop.entries(done, "delivered")).isEqualTo(1);
                done.get("cardKeys").forEach(k -> delivered.add(k.asText()));
            }
            assertThat(delivered).hasSize(ORDERS).doesNotHaveDuplicates();
            assertThat(new HashSet<>(delivered)).isEqualTo(new HashSet<>(keys));
            assertThat(finisher.available(product.productId())).isZero();
        }
    }

    /** Completes with the time from now until {@code heir} owns the fulfilment's segment. */
    private static CompletableFuture<Duration> watchTakeover(String database, PlatformProcess heir,
                                                             PlatformProcess... candidates) {
        long start = System.nanoTime();
        return CompletableFuture.supplyAsync(() -> {
            await().atMost(CLAIM_TIMEOUT.multipliedBy(6)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> owner(database, "fulfilment", candidates) == heir);
            return Duration.ofNanos(System.nanoTime() - start);
        });
    }

    /** The instance whose node name (host:port, see NodeTokenStore) owns the processor's segment 0 in the token store. */
    private static PlatformProcess owner(String database, String processor, PlatformProcess... candidates)
            throws Exception {
        try (Connection c = DriverManager.getConnection(database, TestDatabase.user(), TestDatabase.password());
             var statement = c.prepareStatement("select owner from token_entry where processor_name = ? and segment = 0")) {
            statement.setString(1, processor);
            try (ResultSet rs = statement.executeQuery()) {
                String owner = rs.next() ? rs.getString(1) : null;
                for (PlatformProcess candidate : candidates) {
                    if (owner != null && owner.endsWith(":" + candidate.port())) {
                        return candidate;
                    }
                }
                return null;
            }
        }
    }


}
