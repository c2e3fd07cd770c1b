package dev.cardflow.order.command.order;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PlaceOrder;
import dev.cardflow.infrastructure.axon.Origin;
import dev.cardflow.infrastructure.testing.TestDatabase;
import dev.cardflow.infrastructure.web.ProblemException;

import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The unpaid-order cap on real PostgreSQL: who is capped, and which placements are retries that never are. */
class UnpaidOrdersTest {

    private static final int CAP = 2;

    private static TestDatabase.Migrated database;
    /** The orders the event store knows although the table does not (placed before it existed). */
    private final Set<String> placedBeforeTheTable = new HashSet<>();
    private UnpaidOrders unpaid;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated("classpath:db/migration/command");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void setUp() {
        unpaid = new UnpaidOrders(database.jdbc(), new DataSourceTransactionManager(database.dataSource()),
                placedBeforeTheTable::contains);
    }

    @Test
    void aClientAtTheCapIsRefusedANewOrderWith429() {
        String client = client();
        reserve(client, CAP);

        assertThatThrownBy(() -> unpaid.reserve(client, placement(order()), CAP))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(429);
                    assertThat(e.problem().type()).isEqualTo("/problems/too-many-unpaid-orders");
                });
    }

    @Test
    void aRetriedPlacementAtTheCapIsARetryNotA429() {
        String client = client();
        String first = reserve(client, CAP)[0];

        assertThat(unpaid.reserve(client, placement(first), CAP)).isEqualTo(UnpaidOrders.Reservation.WAITING);
    }

    @Test
    void aRetryOfAnOrderPlacedBeforeTheTableExistedIsAskedOfTheEventStoreAtTheCap() {
        String client = client();
        reserve(client, CAP);
        String old = order();
        placedBeforeTheTable.add(old);

        assertThat(unpaid.reserve(client, placement(old), CAP)).isEqualTo(UnpaidOrders.Reservation.PLACED);
        assertThat(unpaid.exists(old)).as("a retry reserves nothing").isFalse();
    }

    @Test
    void paidAndCancelledOrdersNoLongerCountAgainstTheCap() {
        String client = client();
        String[] orders = reserve(client, CAP);
        unpaid.on(new PaymentConfirmed(orders[0], "pay-1", "evt-1", Money.of("1.00", "EUR")));
        unpaid.on(new OrderCancelled(orders[1], "payment not received in time"));

        assertThat(reserve(client, CAP)).hasSize(CAP);
    }

    @Test
    void anotherClientIsNotCappedByTheFirst() {
        reserve(client(), CAP);

        assertThat(unpaid.reserve(client(), placement(order()), CAP)).isEqualTo(UnpaidOrders.Reservation.QUEUED);
    }

    @Test
    void aReplayedPlacementMakesItsRetryARetryAgain() {
        String client = client();
        String replayed = order();
        unpaid.on(placed(replayed), client, Instant.now());
        reserve(client, CAP - 1);

        assertThat(unpaid.reserve(client, placement(replayed), CAP)).isEqualTo(UnpaidOrders.Reservation.PLACED);
        assertThatThrownBy(() -> unpaid.reserve(client, placement(order()), CAP)).isInstanceOf(ProblemException.class);
    }

    @Test
    void anAcceptedPlacementKeepsItsCommandUntilTheOrderIsPlaced() {
        String client = client();
        String order = order();
        unpaid.reserve(client, placement(order), CAP);

        var sent = Placements.Queued.fromJson(waiting(order)).message(); // what Placements sends
        assertThat(sent.getPayload()).isEqualTo(placement(order).getPayload());
        assertThat(sent.getMetaData()).containsEntry("origin", "buyer").containsEntry("clientKey", "client");
        unpaid.reset();
        assertThat(waiting(order)).as("a replay of the table keeps what nothing else remembers").isNotNull();

        unpaid.on(placed(order), client, Instant.now());
        assertThat(waiting(order)).isNull();
        assertThat(unpaid.reserve(client, placement(order), CAP)).isEqualTo(UnpaidOrders.Reservation.PLACED);
    }

    @Test
    void aRetryOfAWaitingPlacementWithAnotherBodyIsRefusedAndChangesNothing() {
        String client = client();
        String order = order();
        unpaid.reserve(client, placement(order), CAP);
        String before = waiting(order);

        assertThatThrownBy(() -> unpaid.reserve(client, placement(order, "another body"), CAP))
                .isInstanceOf(OrderRefused.IdempotencyKeyReused.class);
        assertThat(waiting(order)).isEqualTo(before);
    }

    private String waiting(String orderId) {
        return database.jdbc().queryForObject(
                "select pending_command::text from command_order_reservation where order_id = ?", String.class, orderId);
    }

    private String[] reserve(String client, int count) {
        String[] orders = new String[count];
        for (int i = 0; i < count; i++) {
            orders[i] = order();
            assertThat(unpaid.reserve(client, placement(orders[i]), CAP)).isEqualTo(UnpaidOrders.Reservation.QUEUED);
        }
        return orders;
    }

    private static OrderPlaced placed(String orderId) {
        Money price = Money.of("1.00", "EUR");
        return new OrderPlaced(orderId, "p-1", "Gift card", 1, price, price, ProductSource.POOL, null,
                "buyer@example.com", "fingerprint");
    }

    private static CommandMessage<PlaceOrder> placement(String orderId) {
        return placement(orderId, "fingerprint");
    }

    @SuppressWarnings("unchecked")
    private static CommandMessage<PlaceOrder> placement(String orderId, String fingerprint) {
        return (CommandMessage<PlaceOrder>) Origin.byBuyer("client", new PlaceOrder(orderId, "p-1", "Gift card", 1,
                Money.of("1.00", "EUR"), ProductSource.POOL, null, "buyer@example.com", fingerprint, "simulator",
                null));
    }

    private static String client() {
        return "client-" + UUID.randomUUID();
    }

    private static String order() {
        return UUID.randomUUID().toString();
    }
}
