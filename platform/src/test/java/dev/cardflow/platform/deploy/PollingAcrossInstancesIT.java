package dev.cardflow.platform.deploy;

import dev.cardflow.infrastructure.testing.TestDatabase;
import dev.cardflow.platform.support.PlatformProcess;
import dev.cardflow.platform.support.Shop.PlacedOrder;
import dev.cardflow.platform.support.Shop.Product;
import dev.cardflow.platform.support.Shop;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The buyer's page polls an instance that does not run the order-status projection: the polls are answered from that
 * instance's memory while the order stands still ({@code 304} with its ETag), and every change the other instance
 * projects reaches them — also after the connection that hears the changes was cut.
 */
class PollingAcrossInstancesIT {

    private static final String LISTENERS = "select pg_terminate_backend(pid) from pg_stat_activity "
            + "where datname = current_database() and query like '%listen cardflow_order_status%' "
            + "and pid <> pg_backend_pid()";

    @Test
    void pollsOfTheOtherInstanceSeeEveryChangeAndStillSeeThemAfterTheListenerWasCut() throws Exception {
        String database = TestDatabase.create();
        try (PlatformProcess first = new PlatformProcess(PlatformProcess.freePort(), database).start();
             PlatformProcess second = new PlatformProcess(PlatformProcess.freePort(), database).start()) {
            await().atMost(Duration.ofMinutes(1)).until(() -> owner(database, "order-status") != null);
            PlatformProcess projecting = owner(database, "order-status").endsWith(":" + first.port()) ? first : second;
            Shop writer = new Shop(projecting.port());
            Shop reader = new Shop((projecting == first ? second : first).port());
            Product product = writer.pooledProduct("2.00", Shop.keys(2));

            PlacedOrder order = reader.place(product.productId(), 1, Shop.email());
            String paymentId = reader.awaitPayment(order);
            String payable = etag(reader, order);
            for (int i = 0; i < 5; i++) {
                assertThat(status(reader, order, payable)).as("unchanged: not modified").isEqualTo(304);
            }

            reader.pay(paymentId);
            assertThat(reader.awaitStatus(order, "DELIVERED").get("cardKeys")).hasSize(1);
            assertThat(etag(reader, order)).isNotEqualTo(payable);
            assertThat(status(reader, order, payable)).as("changed: the whole order again").isEqualTo(200);

            // the connections that hear the changes are cut: the next changes must reach the polls all the same
            assertThat(terminateListeners(database)).as("listening connections cut").isPositive();
            PlacedOrder another = reader.place(product.productId(), 1, Shop.email());
            String secondPayment = reader.awaitPayment(another);
            reader.pay(secondPayment);
            assertThat(reader.awaitStatus(another, "DELIVERED").get("cardKeys")).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> listeners(database) >= 2);
        }
    }

    private static String etag(Shop shop, PlacedOrder order) {
        return shop.http().get().uri("/api/orders/{id}", order.orderId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + order.accessToken())
                .exchange().expectStatus().isOk().returnResult(String.class)
                .getResponseHeaders().getETag();
    }

    private static int status(Shop shop, PlacedOrder order, String ifNoneMatch) {
        return shop.http().get().uri("/api/orders/{id}", order.orderId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + order.accessToken())
                .header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch)
                .exchange().returnResult(String.class).getStatus().value();
    }

    private static int terminateListeners(String database) throws Exception {
        try (Connection c = DriverManager.getConnection(database, TestDatabase.user(), TestDatabase.password());
             ResultSet rs = c.createStatement().executeQuery(LISTENERS)) {
            int cut = 0;
            while (rs.next()) {
                cut++;
            }
            return cut;
        }
    }

    private static int listeners(String database) throws Exception {
        try (Connection c = DriverManager.getConnection(database, TestDatabase.user(), TestDatabase.password());
             ResultSet rs = c.createStatement().executeQuery(LISTENERS.replace("pg_terminate_backend(pid)", "pid"))) {
            int listening = 0;
            while (rs.next()) {
                listening++;
            }
            return listening;
        }
    }

    private static String owner(String database, String processor) throws Exception {
        try (Connection c = DriverManager.getConnection(database, TestDatabase.user(), TestDatabase.password());
             var statement = c.prepareStatement("select owner from token_entry where processor_name = ? and segment = 0")) {
            statement.setString(1, processor);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
