package dev.cardflow.order.command.order;

import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.api.order.PlaceOrder;
import dev.cardflow.infrastructure.axon.Origin;
import dev.cardflow.infrastructure.limits.ClientLimits;

import org.axonframework.commandhandling.CommandMessage;
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
        /** A new order id, now reserved for the client with its command: {@link Placements} sends it. */
        QUEUED,
        /** This order id was accepted already, with the same request, and is not placed yet: a retry. */
        WAITING,
        /** This order id was placed already (or by a version without queued commands): a retry, never capped. */
        PLACED
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
     * Reserves the order id of {@code placement} for the client and keeps its command until the order is placed,
     * or refuses with 429 when the client holds {@code max} unpaid orders. Count and insert run under a
     * transaction-scoped advisory lock on the client, so parallel placements of one client are counted one after
     * another. A retry of an accepted placement that is not placed yet must be the same request (409 otherwise).
     */
    Reservation reserve(String clientKey, CommandMessage<PlaceOrder> placement, int max) {
        PlaceOrder command = placement.getPayload();
        String orderId = command.orderId();
        return transaction.execute(status -> {
            jdbc.queryForObject("select 1 from (select pg_advisory_xact_lock(hashtextextended(?, 7001))) locked",
                    Integer.class, "unpaid-orders:" + clientKey);
            var earlier = jdbc.queryForList("""
                    select pending_command ->> 'command' as pending from command_order_reservation
                    where order_id = ?""", orderId);
            if (!earlier.isEmpty()) {
                String pending = (String) earlier.get(0).get("pending");
                if (pending == null) {
                    return Reservation.PLACED;
                }
                var waiting = Placements.Queued.command(pending);
                if (!waiting.requestFingerprint().equals(command.requestFingerprint())) {
                    throw new OrderRefused.IdempotencyKeyReused();
                }
                return Reservation.WAITING;
            }
            Integer held = jdbc.queryForObject(
                    "select count(*) from command_order_reservation where client_key = ? and not settled",
                    Integer.class, clientKey);
            if (held != null && held >= max) {
                // the table knows only orders placed since it exists: before refusing, ask the event
                // store (only here, so a placement below the cap costs no extra read)
                if (placedBefore.test(orderId)) {
                    return Reservation.PLACED;
                }
                throw ClientLimits.tooMany("too-many-unpaid-orders", "This client already holds " + max
                        + " unpaid orders; pay one or wait until it expires.", 60);
            }
            jdbc.update("""
                    insert into command_order_reservation (order_id, client_key, reserved_at, pending_command)
                    values (?, ?, ?, ?::jsonb)""",
                    orderId, clientKey, java.sql.Timestamp.from(Instant.now()),
                    Placements.Queued.of(placement).json());
            return Reservation.QUEUED;
        });
    }

    @EventHandler
    void on(OrderPlaced event, @MetaDataValue(Origin.CLIENT) String clientKey, @Timestamp Instant at) {
        // normally reserved already, with the command that placed it: no longer waiting. On replay this fills the table
        if (clientKey != null) {
            jdbc.update("""
                    insert into command_order_reservation (order_id, client_key, reserved_at) values (?, ?, ?)
                    on conflict (order_id) do update set pending_command = null
                    where command_order_reservation.pending_command is not null""",
                    event.orderId(), clientKey, java.sql.Timestamp.from(at));
        } else {
            placed(jdbc, event.orderId());
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
        // accepted placements not placed yet stay: nothing else remembers them
        jdbc.update("delete from command_order_reservation where pending_command is null");
    }

    /** The order is placed: its reservation row no longer keeps the command. */
    static void placed(JdbcTemplate jdbc, String orderId) {
        jdbc.update("""
                update command_order_reservation set pending_command = null
                where order_id = ? and pending_command is not null""", orderId);
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
