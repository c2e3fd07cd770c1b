package dev.cardflow.order.query.order;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderStatusView;
import dev.cardflow.api.order.PaymentRequested;
import dev.cardflow.infrastructure.testing.TestDatabase;

import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.cardflow.api.order.OrderStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The orders the buyer's page polls, held in memory between their changes: a second poll does not reach PostgreSQL,
 * a committed change (announced with NOTIFY) is read again, a rolled-back one is not announced, and nothing is
 * trusted while the announcements cannot be heard.
 */
class OrderViewsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static TestDatabase.Migrated database;
    private static TransactionTemplate transactions;

    private final AtomicInteger reads = new AtomicInteger();
    private OrderStatusStore store;
    private OrderStatusProjection projection;
    private OrderViews views;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated("classpath:db/migration/query");
        transactions = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void listen() {
        store = new OrderStatusStore(database.jdbc()) {
            @Override
            public Optional<OrderStatusView> find(String orderId) {
                reads.incrementAndGet();
                return super.find(orderId);
            }
        };
        projection = new OrderStatusProjection(store, SimpleQueryUpdateEmitter.builder().build());
        views = new OrderViews(store, database.dataSource(), 100);
        views.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> listeners() == 1);
    }

    @AfterEach
    void stop() {
        views.stop();
    }

    @Test
    void anUnchangedOrderIsReadFromTheTableOnceAndACommittedChangeIsReadAgain() {
        String order = placed();
        assertThat(views.find(order)).get().extracting(OrderStatusView::status).isEqualTo(PLACED);
        heldInMemory(order);
        int held = reads.get();
        for (int i = 0; i < 10; i++) {
            assertThat(views.find(order)).get().extracting(OrderStatusView::status).isEqualTo(PLACED);
        }
        assertThat(reads).as("ten polls of an unchanged order, none read from the table").hasValue(held);

        transactions.executeWithoutResult(tx -> projection.on(
                new PaymentRequested(order, "pay-1", "https://psp.test/pay/pay-1", T0.plusSeconds(900)),
                T0.plusSeconds(1)));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(views.find(order)).get().extracting(OrderStatusView::status).isEqualTo(PENDING_PAYMENT));
        int afterChange = reads.get();
        views.find(order);
        assertThat(reads).as("the new state is held again").hasValue(afterChange);
    }

    @Test
    void aChangeThatRollsBackAnnouncesNothing() throws Exception {
        String order = placed();
        heldInMemory(order);
        int held = reads.get();
        transactions.executeWithoutResult(tx -> {
            projection.on(new PaymentRequested(order, "pay-1", "https://psp.test/pay/pay-1", T0.plusSeconds(900)),
                    T0.plusSeconds(1));
            tx.setRollbackOnly();
        });
        Thread.sleep(300);
        assertThat(views.find(order)).get().extracting(OrderStatusView::status).isEqualTo(PLACED);
        assertThat(reads).hasValue(held);
    }

    @Test
    void anOrderNotYetProjectedIsNotHeldAsMissing() {
        String order = UUID.randomUUID().toString();
        assertThat(views.find(order)).isEmpty();
        transactions.executeWithoutResult(tx -> place(order));
        await().atMost(Duration.ofSeconds(5)).until(() -> views.find(order).isPresent());
    }

    @Test
    void aChangeMadeWhileTheListenerWasCutIsSeenOnceItListensAgain() {
        String order = placed();
        heldInMemory(order);

        terminateListener();
        // announced while nobody listens (it reconnects a second later): the announcement is lost
        transactions.executeWithoutResult(tx -> projection.on(
                new PaymentRequested(order, "pay-1", "https://psp.test/pay/pay-1", T0.plusSeconds(900)),
                T0.plusSeconds(1)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(views.find(order)).get().extracting(OrderStatusView::status).isEqualTo(PENDING_PAYMENT));
        await().atMost(Duration.ofSeconds(10)).until(() -> listeners() == 1);
        assertThat(views.find(order)).get().extracting(OrderStatusView::status).isEqualTo(PENDING_PAYMENT);
    }

    @Test
    void aRebuildForgetsEveryOrder() {
        String order = placed();
        views.find(order);
        transactions.executeWithoutResult(tx -> projection.reset());
        await().atMost(Duration.ofSeconds(5)).until(() -> views.find(order).isEmpty());
    }

    /** Waits until a poll of the order is answered from memory (the announcement of its last change has arrived). */
    private void heldInMemory(String order) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> {
            int before = reads.get();
            views.find(order);
            return reads.get() == before;
        });
    }

    private String placed() {
        String order = UUID.randomUUID().toString();
        transactions.executeWithoutResult(tx -> place(order));
        return order;
    }

    private void place(String order) {
        projection.on(new OrderPlaced(order, "p-1", "Steam 10 EUR", 1, Money.of("9.90", "EUR"), Money.of("9.90", "EUR"),
                ProductSource.POOL, null, "buyer@example.com", "fingerprint"), T0);
    }

    private static int listeners() {
        Integer count = database.jdbc().queryForObject("select count(*) from pg_stat_activity where datname = "
                + "current_database() and query like '%listen " + OrderViews.CHANNEL + "%' and pid <> pg_backend_pid()",
                Integer.class);
        return count == null ? 0 : count;
    }

    private static void terminateListener() {
        database.jdbc().queryForList("select pg_terminate_backend(pid) from pg_stat_activity where datname = "
                + "current_database() and query like '%listen " + OrderViews.CHANNEL + "%' and pid <> pg_backend_pid()");
    }
}
