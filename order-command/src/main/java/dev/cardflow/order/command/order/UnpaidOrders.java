package dev.cardflow.order.command.order;

import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.infrastructure.axon.Origin;
import dev.cardflow.infrastructure.limits.ClientLimits;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * Which orders each client holds unpaid — the command side's own table for the cap on unpaid
 * orders. A placement reserves its order id here before its command is sent (atomically per
 * client, across instances); the order counts as unpaid until it is paid or cancelled.
 */
@Component
@ProcessingGroup(UnpaidOrders.PROCESSING_GROUP)
public class UnpaidOrders {

    public static final String PROCESSING_GROUP = "unpaid-orders";

    /** What a reservation found. */
    enum Reservation {
        /** A new order id, now reserved for the client: release it if the placement fails. */
        RESERVED,
        /** This order id was placed (or is being placed) already: a retry, never capped. */
        RETRY
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Predicate<String> placedBefore;

    @Autowired
    public UnpaidOrders(JdbcTemplate jdbc, PlatformTransactionManager transactions, PlacedOrders placedOrders) {
        this(jdbc, transactions, placedOrders::placed);
    }

    /** {@code placedBefore} answers for orders this table does not know (placed before it existed). */
    UnpaidOrders(JdbcTemplate jdbc, PlatformTransactionManager transactions, Predicate<String> placedBefore) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.placedBefore = placedBefore;
    }

    /**
     * Reserves {@code orderId} for the client, or refuses with 429 when it holds {@code max} unpaid
     * orders. Count and insert run under a transaction-scoped advisory lock on the client, so
     * parallel placements of one client are counted one after another.
     */
    Reservation reserve(String clientKey, String orderId, int max) {
        return transaction.execute(status -> {
            jdbc.queryForObject("select 1 from (select pg_advisory_xact_lock(hashtextextended(?, 7001))) locked",
                    Integer.class, "unpaid-orders:" + clientKey);
            if (exists(orderId)) {
                return Reservation.RETRY;
            }
            Integer held = jdbc.queryForObject(
                    "select count(*) from command_order_reservation where client_key = ? and not settled",
                    Integer.class, clientKey);
            if (held != null && held >= max) {
                // the table knows only orders placed since it exists: before refusing, ask the event
                // store (only here, so a placement below the cap costs no extra read)
                if (placedBefore.test(orderId)) {
                    return Reservation.RETRY;
                }
                throw ClientLimits.tooMany("too-many-unpaid-orders", "This client already holds " + max
                        + " unpaid orders; pay one or wait until it expires.", 60);
            }
            jdbc.update("insert into command_order_reservation (order_id, client_key, reserved_at) values (?, ?, ?)",
                    orderId, clientKey, java.sql.Timestamp.from(Instant.now()));
            return Reservation.RESERVED;
        });
    }

    /** Gives a reservation back: its PlaceOrder command failed. */
    void release(String orderId) {
        jdbc.update("delete from command_order_reservation where order_id = ?", orderId);
    }

    @EventHandler
    void on(OrderPlaced event, @MetaDataValue(Origin.CLIENT) String clientKey, @Timestamp Instant at) {
        // normally reserved already; this fills the table on replay
        if (clientKey != null) {
            jdbc.update("""
                    insert into command_order_reservation (order_id, client_key, reserved_at) values (?, ?, ?)
                    on conflict (order_id) do nothing""", event.orderId(), clientKey, java.sql.Timestamp.from(at));
        }
    }

    @EventHandler
    void on(PaymentConfirmed event) {
        settle(event.orderId());
    }

    @EventHandler
    void on(OrderCancelled event) {
        settle(event.orderId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from command_order_reservation");
    }

    /** Whether an order of this id was placed (or reserved) already, from the command side's own table. */
    boolean exists(String orderId) {
        return !jdbc.queryForList("select 1 from command_order_reservation where order_id = ?",
                Integer.class, orderId).isEmpty();
    }

    private void settle(String orderId) {
        jdbc.update("update command_order_reservation set settled = true where order_id = ?", orderId);
    }
}
