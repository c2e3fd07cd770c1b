package dev.cardflow.order.command.order;

import dev.cardflow.api.order.OrderCancelled;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.PaymentConfirmed;
import dev.cardflow.infrastructure.axon.Origin;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Which orders each client holds unpaid — the command side's own lookup for the cap on unpaid
 * orders. An order leaves it when it is paid or cancelled.
 */
@Component
@ProcessingGroup(UnpaidOrders.PROCESSING_GROUP)
public class UnpaidOrders {

    public static final String PROCESSING_GROUP = "unpaid-orders";

    private final JdbcTemplate jdbc;

    public UnpaidOrders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrderPlaced event, @MetaDataValue(Origin.CLIENT) String clientKey, @Timestamp Instant at) {
        if (clientKey != null) {
            jdbc.update("""
                    insert into command_unpaid_order (order_id, client_key, placed_at) values (?, ?, ?)
                    on conflict (order_id) do nothing""", event.orderId(), clientKey, java.sql.Timestamp.from(at));
        }
    }

    @EventHandler
    void on(PaymentConfirmed event) {
        forget(event.orderId());
    }

    @EventHandler
    void on(OrderCancelled event) {
        forget(event.orderId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from command_unpaid_order");
    }

    int heldBy(String clientKey) {
        Integer held = jdbc.queryForObject("select count(*) from command_unpaid_order where client_key = ?",
                Integer.class, clientKey);
        return held == null ? 0 : held;
    }

    /** Whether an order of this id was placed already (a retried placement is never capped). */
    boolean exists(String orderId) {
        return !jdbc.queryForList("select 1 from domain_event_entry where aggregate_identifier = ? limit 1",
                Integer.class, orderId).isEmpty();
    }

    private void forget(String orderId) {
        jdbc.update("delete from command_unpaid_order where order_id = ?", orderId);
    }
}
