package dev.cardflow.order.query.order;

import dev.cardflow.api.order.OrderStatusView;
import dev.cardflow.infrastructure.alert.AlertCheck;
import dev.cardflow.infrastructure.alert.AlertKind;
import dev.cardflow.infrastructure.alert.Alerts;

import org.springframework.stereotype.Component;

/**
 * Raises {@code order-stuck} for each order {@link StuckOrders} finds (the longest stuck first, at most a page of
 * them per check); an order still stuck after the quiet period is raised again.
 */
@Component
public class StuckOrderAlerts implements AlertCheck {

    static final int PER_CHECK = 100;

    private final StuckOrders stuck;

    public StuckOrderAlerts(StuckOrders stuck) {
        this.stuck = stuck;
    }

    @Override
    public void check(Alerts alerts) {
        for (OrderStatusView order : stuck.list(0, PER_CHECK)) {
            alerts.raise(AlertKind.ORDER_STUCK, order.orderId(), "Order " + order.orderId() + " ("
                    + order.productName() + ") has been " + order.status() + " since " + order.statusSince()
                    + ", longer than that status should take.", "/admin/#order/" + order.orderId());
        }
    }
}
